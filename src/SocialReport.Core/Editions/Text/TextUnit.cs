using System.Text;

namespace SocialReport.Core.Editions.Text;

/// <summary>A paragraph of a plain-text export (lines a hard wrap split, joined again) or one chrome line.
/// <see cref="StartsBlock"/>: a blank or chrome line comes right before it. <see cref="Outlet"/>: the outlet a headline
/// run into its text credits ("Headline (The Verge). Text…").</summary>
internal sealed record TextUnit(int Line, string Text, LineKind Kind, bool StartsBlock)
{
    public string? Outlet { get; init; }

    public static IReadOnlyList<TextUnit> From(IReadOnlyList<TextLine> lines)
    {
        var units = new List<TextUnit>();
        // The paragraph being joined: its first line, its text so far and its last line (joining string by string was quadratic).
        TextLine? first = null;
        var text = new StringBuilder();
        var last = "";
        var firstStartsBlock = false;
        void Close()
        {
            if (first is not null)
            {
                units.Add(new TextUnit(first.Number, text.ToString(), LineKind.Content, firstStartsBlock));
                first = null;
                text.Clear();
            }
        }
        var afterBreak = true;
        foreach (var line in lines)
        {
            if (line.Kind == LineKind.Blank)
            {
                afterBreak = true;
                continue;
            }
            if (line.IsChrome)
            {
                Close();
                units.Add(new TextUnit(line.Number, line.Text, line.Kind, afterBreak));
                afterBreak = true;
                continue;
            }
            if (!afterBreak && first is not null && IsWrapped(last, line.Text))
            {
                text.Append(' ').Append(line.Text);
            }
            else
            {
                Close();
                first = line;
                firstStartsBlock = afterBreak;
                text.Append(line.Text);
            }
            last = line.Text;
            afterBreak = false;
        }
        Close();
        return units;
    }

    /// <summary>A hard wrap: the line before stops mid-sentence and this one carries on in lowercase.</summary>
    private static bool IsWrapped(string previous, string next) =>
        !ChromeLines.EndsSentence(previous) && next.Length > 0 && (char.IsLower(next[0]) || char.IsDigit(next[0]));
}
