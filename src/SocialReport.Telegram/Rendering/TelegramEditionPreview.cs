using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialReport.Core.Cards;
using SocialReport.Core.Editions;
using SocialReport.Telegram.Protocol;
using Telegram.Bot;

namespace SocialReport.Telegram.Rendering;

/// <summary>The <c>telegram</c> channel for the render verb, /preview and the web preview: the very payloads sendMessage gets.</summary>
internal sealed class TelegramEditionPreview(TelegramCardRenderer renderer) : IEditionPreview
{
    public string Channel => TelegramChats.Channel;

    public IReadOnlyList<PreviewMessage> Render(Edition edition, string language) =>
        [.. CardFactory.All(edition, language, TelegramCardRenderer.FullPartChars)
            .SelectMany(card => renderer.Render(card).Select(message => new PreviewMessage(card.Kind, Payload(message), Text(message))))];

    /// <summary>The text in visible characters (HTML Telegram would refuse is a problem instead), the longest callback_data in bytes.</summary>
    public (IReadOnlyList<Budget> Budgets, IReadOnlyList<string> Problems) Measure(JsonObject payload)
    {
        var budgets = new List<Budget>();
        var problems = new List<string>();
        var text = (string?)payload["text"] ?? "";
        if (TelegramHtml.Validate(text) is { } error)
            problems.Add($"Telegram would refuse this message: {error}");
        else
            budgets.Add(new Budget("text", TelegramHtml.VisibleLength(text), TelegramCardRenderer.MaxMessageLength, "characters"));

        var callbacks = (payload["reply_markup"]?["inline_keyboard"] as JsonArray ?? [])
            .OfType<JsonArray>()
            .SelectMany(row => row.OfType<JsonObject>())
            .Select(button => (string?)button["callback_data"])
            .OfType<string>()
            .ToList();
        if (callbacks.Count > 0)
            budgets.Add(new Budget("callback_data", callbacks.Max(Encoding.UTF8.GetByteCount), CallbackData.MaxBytes, "bytes"));
        problems.AddRange(budgets.Where(b => b.Over).Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Name} is {b.Used} {b.Unit}, over Telegram's {b.Limit}.")));
        return (budgets, problems);
    }

    public static JsonObject Payload(TelegramMessage message)
    {
        var payload = new JsonObject { ["text"] = message.Text, ["parse_mode"] = "HTML" };
        if (message.Keyboard is { } keyboard)
            payload["reply_markup"] = JsonSerializer.SerializeToNode(keyboard, JsonBotAPI.Options);
        payload["link_preview_options"] = new JsonObject { ["is_disabled"] = true };
        return payload;
    }

    private static string Text(TelegramMessage message)
    {
        var text = TelegramHtml.VisibleText(message.Text);
        if (message.Keyboard is null) return text;
        var rows = message.Keyboard.InlineKeyboard.Select(row => string.Join(" ", row.Select(button => $"[{button.Text}]")));
        return text + "\n" + string.Join("\n", rows);
    }
}
