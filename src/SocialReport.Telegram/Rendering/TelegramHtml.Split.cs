using System.Text;
using SocialReport.Core.Cards;

namespace SocialReport.Telegram.Rendering;

internal static partial class TelegramHtml
{
    /// <summary>
    /// Valid HTML cut into messages of at most <paramref name="maxVisible"/> visible UTF-16 units, each valid on
    /// its own: cuts fall at paragraph breaks, else sentence ends, else between words, else between code points,
    /// never inside a tag or an entity; tags open at a cut are closed there and reopened in the next message.
    /// Whitespace at the cuts and at both ends is dropped. Whitespace-only HTML gives no message.
    /// </summary>
    /// <exception cref="ArgumentException">The HTML is not valid.</exception>
    public static IReadOnlyList<string> Split(string html, int maxVisible)
    {
        var (atoms, error) = HtmlTokenizer.Tokenize(html);
        if ((error ?? CheckStructure(atoms)) is { } problem)
            throw new ArgumentException(problem, nameof(html));

        var visible = new StringBuilder(html.Length);
        var offsets = new int[atoms.Count];
        for (var k = 0; k < atoms.Count; k++)
        {
            offsets[k] = visible.Length;
            if (atoms[k].Kind == HtmlAtomKind.Text)
            {
                if (atoms[k].Decoded is { } decoded)
                    visible.Append(decoded);
                else
                    visible.Append(html, atoms[k].Start, atoms[k].Length);
            }
        }
        var text = visible.ToString();

        var messages = new List<string>();
        var open = new List<HtmlAtom>();
        var next = 0;
        var start = SkipWhiteSpace(text, 0);
        while (start < text.Length)
        {
            var (end, after) = TextSplitter.NextCut(text, start, maxVisible);

            // Whitespace dropped at the cut: its tags still open and close.
            for (; next < atoms.Count && !(atoms[next].Kind == HtmlAtomKind.Text && offsets[next] >= start); next++)
                Track(open, atoms[next]);

            var message = new StringBuilder();
            foreach (var tag in open)
                message.Append(html, tag.Start, tag.Length);
            for (; next < atoms.Count; next++)
            {
                var atom = atoms[next];
                // Closing tags right after the cut end this message; opening ones start the next.
                if (atom.Kind != HtmlAtomKind.Close && offsets[next] >= end)
                    break;
                message.Append(html, atom.Start, atom.Length);
                Track(open, atom);
            }
            for (var t = open.Count - 1; t >= 0; t--)
                message.Append("</").Append(open[t].Name).Append('>');

            messages.Add(message.ToString());
            start = after;
        }
        return messages;
    }

    private static void Track(List<HtmlAtom> open, HtmlAtom atom)
    {
        if (atom.Kind == HtmlAtomKind.Open)
            open.Add(atom);
        else if (atom.Kind == HtmlAtomKind.Close)
            open.RemoveAt(open.Count - 1);
    }

    private static int SkipWhiteSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        return i;
    }
}
