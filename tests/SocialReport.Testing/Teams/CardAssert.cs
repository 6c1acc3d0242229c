using System.Text.Json.Nodes;
using SocialReport.Teams.Protocol;
using SocialReport.Teams.Rendering;

namespace SocialReport.Testing.Teams;

/// <summary>What every Adaptive Card the bot sends must satisfy.</summary>
public static class CardAssert
{
    public static void Valid(JsonObject card)
    {
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card["$schema"]!.GetValue<string>());

        var elements = Elements(card).ToList();
        Assert.NotEmpty(elements);
        foreach (var element in elements)
        {
            var type = element["type"]!.GetValue<string>();
            Assert.Contains(type, AdaptiveCard.AllowedTypes);
            if (type == "TextBlock")
            {
                Assert.False(string.IsNullOrWhiteSpace(element["text"]!.GetValue<string>()), "empty TextBlock");
                Assert.True(element["wrap"]!.GetValue<bool>(), "TextBlock without wrap");
            }
            if (type.StartsWith("Action.", StringComparison.Ordinal))
                Assert.False(string.IsNullOrWhiteSpace(element["title"]?.GetValue<string>()), "action without title");
            if (type == "Action.OpenUrl")
                Assert.StartsWith("http", element["url"]!.GetValue<string>());
            if (type == "Action.Submit")
                Assert.StartsWith("/", element["data"]!["command"]!.GetValue<string>());
            if (type == "ColumnSet")
                Assert.Fail("no ColumnSet: it squeezes text on a phone");
        }

        var ids = elements.Select(e => e["id"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var toggle in elements.Where(e => e["type"]!.GetValue<string>() == "Action.ToggleVisibility"))
        {
            foreach (var target in toggle["targetElements"]!.AsArray())
                Assert.Contains(target!.GetValue<string>(), ids);
        }

        Assert.True(TeamsJson.Utf16Size(TeamsActivities.ForCards([card])) <= TeamsActivities.MaxActivitySize, "card over the size limit");
    }

    /// <summary>Every element and action of the card, depth first (not the card itself, not the data of buttons).</summary>
    public static IEnumerable<JsonObject> Elements(JsonObject card)
    {
        foreach (var member in new[] { "body", "items", "actions", "columns" })
        {
            if (card[member] is not JsonArray children) continue;
            foreach (var child in children.OfType<JsonObject>())
            {
                yield return child;
                foreach (var descendant in Elements(child))
                    yield return descendant;
                if (child["card"] is JsonObject shown)
                    foreach (var descendant in Elements(shown))
                        yield return descendant;
            }
        }
    }

    public static IEnumerable<string> Texts(JsonObject card) =>
        Elements(card).Where(e => e["type"]!.GetValue<string>() == "TextBlock").Select(e => e["text"]!.GetValue<string>());

    public static IEnumerable<JsonObject> OfType(JsonObject card, string type) =>
        Elements(card).Where(e => e["type"]!.GetValue<string>() == type);

    /// <summary>The text as a reader sees it: escapes, no-break and zero-width spaces undone.</summary>
    public static string Plain(string markdown) =>
        System.Text.RegularExpressions.Regex.Replace(markdown, @"\\([!-/:-@\[-`{-~])", "$1").Replace('\u00A0', ' ').Replace("\u200B", "", StringComparison.Ordinal);
}
