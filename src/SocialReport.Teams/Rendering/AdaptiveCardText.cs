using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SocialReport.Teams.Protocol;

namespace SocialReport.Teams.Rendering;

/// <summary>
/// An activity's Adaptive Cards as a terminal can show them: each TextBlock as Teams displays it (escapes undone,
/// links as "label &lt;url&gt;"), buttons in brackets, the parts a button unfolds indented under a "▸".
/// </summary>
internal static partial class AdaptiveCardText
{
    public static string Of(Activity activity)
    {
        var text = new StringBuilder();
        foreach (var card in (activity.Attachments ?? []).Select(a => a.Content).OfType<JsonObject>())
        {
            if (text.Length > 0) text.Append("\n──\n");
            Append(text, card["body"] as JsonArray, depth: 0);
        }
        return text.ToString().TrimEnd();
    }

    private static void Append(StringBuilder text, JsonArray? elements, int depth)
    {
        foreach (var element in (elements ?? []).OfType<JsonObject>())
        {
            var type = element["type"]?.GetValue<string>();
            var hidden = element["isVisible"]?.GetValue<bool>() == false;
            var inner = hidden ? depth + 1 : depth;
            switch (type)
            {
                case "TextBlock":
                    Line(text, depth, Displayed(element["text"]?.GetValue<string>() ?? ""));
                    break;
                case "Container":
                    if (hidden) Line(text, depth, "▸");
                    Append(text, element["items"] as JsonArray, inner);
                    break;
                case "ActionSet":
                    Line(text, depth, string.Join("  ", (element["actions"] as JsonArray ?? []).OfType<JsonObject>().Select(Button)));
                    break;
            }
        }
    }

    private static string Button(JsonObject action)
    {
        var title = action["title"]?.GetValue<string>() ?? "";
        return action["type"]?.GetValue<string>() == "Action.OpenUrl" ? $"[{title} ↗ {action["url"]?.GetValue<string>()}]" : $"[{title}]";
    }

    private static void Line(StringBuilder text, int depth, string value)
    {
        var indent = new string(' ', depth * 2);
        text.Append(indent).Append(value.Replace("\n", "\n" + indent, StringComparison.Ordinal)).Append('\n');
    }

    /// <summary>Markdown links shown as "label &lt;url&gt;", backslash escapes and zero-width spaces undone.</summary>
    private static string Displayed(string markdown)
    {
        var linked = MarkdownLink().Replace(markdown, m => $"{m.Groups["label"].Value} <{m.Groups["url"].Value}>");
        return Escaped().Replace(linked, "$1").Replace("\u200B", "", StringComparison.Ordinal).Replace('\u00A0', ' ');
    }

    [GeneratedRegex(@"(?<!\\)\[(?<label>(?:\\.|[^\]\\])*)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex Escaped();
}
