using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SocialReport.Core.Editions.Html;

/// <summary>Parses a page, refusing elements nested deeper than <see cref="MaxDepth"/>. The parser's work per tag grows
/// with the depth of the open elements (a page of nested &lt;div&gt; costs it minutes) and walking a deep tree
/// overflows the stack; real pages stay well under the bound.</summary>
internal static class HtmlNesting
{
    public const int MaxDepth = 256;

    /// <param name="keepLines">Keep each element's line in the file (for <c>import --explain</c>).</param>
    public static IHtmlDocument ParseDocument(string fileName, string html, bool keepLines = false)
    {
        // An element's depth is settled once the next one is created: check each then, to stop the parser early.
        IElement? previous = null;
        var parser = new HtmlParser(new HtmlParserOptions
        {
            IsKeepingSourceReferences = keepLines,
            OnCreated = (element, position) =>
            {
                if (previous is not null && IsTooDeep(previous))
                {
                    throw TooDeep(fileName, position.Line);
                }
                previous = element;
            },
        });
        var document = parser.ParseDocument(html);
        // The parser also makes elements no tag announces (formatting it reopens): check the finished tree as well.
        CheckTree(fileName, document);
        return document;
    }

    private static bool IsTooDeep(IElement element)
    {
        var depth = 0;
        for (var node = element; node is not null; node = node.ParentElement)
        {
            if (++depth > MaxDepth)
            {
                return true;
            }
        }
        return false;
    }

    private static void CheckTree(string fileName, IHtmlDocument document)
    {
        var pending = new Stack<(IElement Element, int Depth)>();
        pending.Push((document.DocumentElement, 1));
        while (pending.TryPop(out var item))
        {
            if (item.Depth > MaxDepth)
            {
                throw TooDeep(fileName, 0);
            }
            foreach (var child in item.Element.Children)
            {
                pending.Push((child, item.Depth + 1));
            }
        }
    }

    private static EditionImportException TooDeep(string fileName, int line) =>
        new(fileName, line, $"the page's elements are nested too deeply (more than {MaxDepth} levels)");
}
