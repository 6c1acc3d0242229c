using System.Text.Json;
using System.Text.Json.Nodes;
using SocialReport.Core.Cards;
using SocialReport.Core.Editions;
using SocialReport.Telegram.Rendering;
using Telegram.Bot;

namespace SocialReport.Telegram;

/// <summary>The <c>telegram</c> channel for the render verb, /preview and the web preview: the very payloads sendMessage gets.</summary>
public sealed class TelegramEditionPreview(TelegramCardRenderer renderer) : IEditionPreview
{
    public string Channel => TelegramChats.Channel;

    public IReadOnlyList<PreviewMessage> Render(Edition edition, string language) =>
        [.. CardFactory.All(edition, language, TelegramCardRenderer.FullPartChars)
            .SelectMany(card => renderer.Render(card).Select(message => new PreviewMessage(card.Kind, Payload(message), Text(message))))];

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
