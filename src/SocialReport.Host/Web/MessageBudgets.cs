using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SocialReport.Teams.Cards;
using SocialReport.Teams.Protocol;
using SocialReport.Telegram.Rendering;

namespace SocialReport.Host.Web;

/// <param name="Name">What is measured: <c>text</c>, <c>callback_data</c>, <c>activity</c>.</param>
/// <param name="Unit"><c>characters</c> or <c>bytes</c>.</param>
internal sealed record Budget(string Name, int Used, int Limit, string Unit)
{
    public bool Over => Used > Limit;
}

/// <summary>How much of each platform limit a previewed message uses, measured the way the platform measures it.</summary>
internal static class MessageBudgets
{
    public static (IReadOnlyList<Budget> Budgets, IReadOnlyList<string> Problems) Measure(string channel, JsonObject payload) => channel switch
    {
        "telegram" => Telegram(payload),
        "teams" => Teams(payload),
        _ => ([], []),
    };

    private static (IReadOnlyList<Budget>, IReadOnlyList<string>) Telegram(JsonObject payload)
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

    private static (IReadOnlyList<Budget>, IReadOnlyList<string>) Teams(JsonObject payload)
    {
        var activity = new Budget("activity", TeamsJson.Utf16Size(payload), TeamsActivities.MaxActivitySize, "bytes");
        return ([activity], activity.Over
            ? [string.Create(CultureInfo.InvariantCulture, $"The activity is {activity.Used} bytes, over the {activity.Limit} the bot allows itself below Teams' limit.")]
            : []);
    }
}
