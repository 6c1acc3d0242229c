using System.Text.Json.Nodes;

namespace SocialReport.Teams.Rendering;

/// <summary>Builds Adaptive Card 1.5 elements. Text goes through <see cref="TeamsMarkdown.Escape"/> unless said otherwise.</summary>
internal static class AdaptiveCard
{
    public const string Version = "1.5";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>Element and action types the Teams cards use; what Teams renders the same on desktop, web and mobile.</summary>
    public static readonly IReadOnlySet<string> AllowedTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "TextBlock", "Container", "ColumnSet", "Column", "ActionSet", "FactSet", "Image",
        "Action.OpenUrl", "Action.ShowCard", "Action.ToggleVisibility", "Action.Submit",
    };

    public static JsonObject Card(string language, IEnumerable<JsonNode?> body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = Schema,
        ["version"] = Version,
        ["lang"] = language,
        ["msteams"] = new JsonObject { ["width"] = "Full" },
        ["body"] = new JsonArray([.. body]),
    };

    public static JsonObject Text(string text, bool bold = false, string? size = null, bool subtle = false, string? spacing = null, bool escape = true)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = escape ? TeamsMarkdown.Escape(text) : text, ["wrap"] = true };
        if (bold) block["weight"] = "Bolder";
        if (size is not null) block["size"] = size;
        if (subtle) block["isSubtle"] = true;
        if (spacing is not null) block["spacing"] = spacing;
        return block;
    }

    /// <summary>
    /// One TextBlock per line. A TextBlock is Markdown: a single line break in it is a space and Teams drops blank lines,
    /// which would run the lines of /help or of a status together. The lines of a paragraph follow each other without a
    /// gap; paragraphs keep the usual spacing.
    /// </summary>
    public static IEnumerable<JsonObject> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(paragraph => paragraph.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select((line, i) => Text(line, spacing: i == 0 ? null : "None")));

    public static JsonObject Container(IEnumerable<JsonNode?> items, string? id = null, bool visible = true, bool separator = false, string? spacing = null)
    {
        var container = new JsonObject { ["type"] = "Container" };
        if (id is not null) container["id"] = id;
        if (!visible) container["isVisible"] = false;
        if (separator) container["separator"] = true;
        if (spacing is not null) container["spacing"] = spacing;
        container["items"] = new JsonArray([.. items]);
        return container;
    }

    public static JsonObject ActionSet(IEnumerable<JsonObject> actions) => new()
    {
        ["type"] = "ActionSet",
        ["actions"] = new JsonArray([.. actions]),
    };

    public static JsonObject OpenUrl(string title, Uri url) => new()
    {
        ["type"] = "Action.OpenUrl",
        ["title"] = title,
        ["url"] = url.AbsoluteUri,
    };

    /// <summary>A button that sends <c>{"command": …}</c> back to the bot as the activity's <c>value</c>.</summary>
    public static JsonObject Submit(string title, string command) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { ["command"] = command },
    };

    public static JsonObject Toggle(string title, string targetId) => new()
    {
        ["type"] = "Action.ToggleVisibility",
        ["title"] = title,
        ["targetElements"] = new JsonArray(targetId),
    };

    /// <summary>Only web links open from a card: a <c>javascript:</c> or <c>file:</c> URL in an edition is treated as no URL.</summary>
    public static bool IsWebLink(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
