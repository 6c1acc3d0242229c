namespace SocialReport.Core.Editions.Text;

/// <summary>A paragraph of a plain-text export (lines a hard wrap split, joined again) or one chrome line.
/// <see cref="StartsBlock"/>: a blank or chrome line comes right before it.</summary>
internal sealed record TextUnit(int Line, string Text, LineKind Kind, bool StartsBlock)
{
    public static IReadOnlyList<TextUnit> From(IReadOnlyList<TextLine> lines)
    {
        var units = new List<TextUnit>();
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
                units.Add(new TextUnit(line.Number, line.Text, line.Kind, afterBreak));
                afterBreak = true;
                continue;
            }
            if (!afterBreak && units[^1] is { Kind: LineKind.Content } previous && IsWrapped(previous.Text, line.Text))
            {
                units[^1] = previous with { Text = previous.Text + " " + line.Text };
            }
            else
            {
                units.Add(new TextUnit(line.Number, line.Text, LineKind.Content, afterBreak));
            }
            afterBreak = false;
        }
        return units;
    }

    /// <summary>A hard wrap: the line before stops mid-sentence and this one carries on in lowercase.</summary>
    private static bool IsWrapped(string previous, string next) =>
        !ChromeLines.EndsSentence(previous) && next.Length > 0 && (char.IsLower(next[0]) || char.IsDigit(next[0]));
}
