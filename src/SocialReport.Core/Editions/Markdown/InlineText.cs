using System.Text;
using Markdig.Syntax.Inlines;

namespace SocialReport.Core.Editions.Markdown;

/// <summary>The plain text of Markdown inlines (links keep their text, images and raw HTML go), and the links in them.</summary>
internal static class InlineText
{
    public static string Of(ContainerInline? inlines)
    {
        var builder = new StringBuilder();
        Append(builder, inlines);
        return builder.ToString();
    }

    public static IEnumerable<LinkInline> Links(ContainerInline? inlines) =>
        inlines is null ? [] : Markdig.Syntax.MarkdownObjectExtensions.Descendants<LinkInline>(inlines).Where(l => !l.IsImage);

    private static void Append(StringBuilder builder, Inline? inline)
    {
        switch (inline)
        {
            case null:
                break;
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case LineBreakInline:
                builder.Append('\n');
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case LinkInline { IsImage: true }:
            case HtmlInline:
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(builder, child);
                }
                break;
        }
    }
}
