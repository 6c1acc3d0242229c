using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SocialReport.Teams.Tests.Rendering;

/// <summary>How a CommonMark renderer (Markdig, as Teams' own follows CommonMark for its subset) reads a TextBlock.</summary>
public static class MarkdownView
{
    /// <summary>True when the text is one or more paragraphs of literal text: no emphasis, link, list, heading, code or HTML.</summary>
    public static bool IsPlain(string markdown)
    {
        var document = Markdown.Parse(markdown);
        return document.All(block => block is ParagraphBlock paragraph
            && paragraph.Inline!.Descendants<Inline>().All(inline => inline is LiteralInline or LineBreakInline));
    }

    public static IReadOnlyList<LinkInline> Links(string markdown) => [.. Markdown.Parse(markdown).Descendants<LinkInline>()];

    /// <summary>The text as displayed.</summary>
    public static string Displayed(string markdown)
    {
        var document = Markdown.Parse(markdown);
        var paragraphs = document.OfType<ParagraphBlock>().Select(p =>
            string.Concat(p.Inline!.Descendants<Inline>().Select(i => i switch
            {
                LiteralInline literal => literal.Content.ToString(),
                LineBreakInline => "\n",
                _ => "",
            })));
        return string.Join("\n\n", paragraphs);
    }
}
