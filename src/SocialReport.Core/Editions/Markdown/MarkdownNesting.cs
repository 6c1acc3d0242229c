using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SocialReport.Core.Editions.Markdown;

/// <summary>Refuses Markdown nested deeper than <see cref="ImportLimits.MaxNesting"/>: quotes in quotes, lists in
/// lists, emphasis in emphasis. The parser spends time per level on every line, and the readers walk the tree
/// recursively, so thousands of levels would cost minutes or overflow the stack.</summary>
internal static class MarkdownNesting
{
    /// <summary>Before parsing: a line opening a quote or a list item per character ("&gt;&gt;&gt;…", "- - - …").</summary>
    public static void CheckLines(string fileName, string text)
    {
        var number = 1;
        for (var start = 0; start <= text.Length; number++)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            if (ContainerMarks(text.AsSpan(start, end - start)) > ImportLimits.MaxNesting)
            {
                throw TooDeep(fileName, number);
            }
            start = end + 1;
        }
    }

    /// <summary>After parsing, before any reader walks it: blocks and the inlines inside them, without recursion.</summary>
    public static void CheckTree(string fileName, MarkdownDocument document)
    {
        var pending = new Stack<(MarkdownObject Node, int Depth, int Line)>();
        pending.Push((document, 0, 0));
        while (pending.TryPop(out var item))
        {
            var (node, depth, line) = item;
            if (depth > ImportLimits.MaxNesting)
            {
                throw TooDeep(fileName, line);
            }
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        pending.Push((child, depth + 1, child.Line + 1));
                    }
                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, depth + 1, line));
                    break;
                case ContainerInline container:
                    foreach (var child in container)
                    {
                        pending.Push((child, depth + 1, line));
                    }
                    break;
            }
        }
    }

    public static EditionImportException TooDeep(string fileName, int line) =>
        new(fileName, line, $"the Markdown is nested too deeply (quotes, lists or emphasis more than {ImportLimits.MaxNesting} levels deep)");

    /// <summary>How many quote marks and list markers open the line, each maybe after spaces.</summary>
    private static int ContainerMarks(ReadOnlySpan<char> line)
    {
        var count = 0;
        var i = 0;
        while (count <= ImportLimits.MaxNesting)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }
            var marker = ListMarkerLength(line[i..]);
            if (i < line.Length && line[i] == '>')
            {
                i++;
            }
            else if (marker > 0 && i + marker < line.Length && line[i + marker] is ' ' or '\t')
            {
                i += marker + 1;
            }
            else
            {
                break;
            }
            count++;
        }
        return count;
    }

    /// <summary>"-", "+", "*", or up to nine digits and "." or ")"; 0 when the text does not start with one.</summary>
    private static int ListMarkerLength(ReadOnlySpan<char> text)
    {
        if (text.Length > 0 && text[0] is '-' or '+' or '*')
        {
            return 1;
        }
        var digits = 0;
        while (digits < text.Length && digits <= 9 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }
        return digits is > 0 and <= 9 && digits < text.Length && text[digits] is '.' or ')' ? digits + 1 : 0;
    }
}
