namespace SocialReport.Core.Editions.Text;

internal enum LineKind
{
    Blank,
    Content,
    Address,
    Button,
    Caption,
    FileName,
    Byline,
    DateLine,
    SourceLine,
    Banner,
}

/// <summary>One line of a plain-text export, with what it is. <see cref="Number"/> is 1-based.</summary>
internal sealed record TextLine(int Number, string Text, LineKind Kind)
{
    public bool IsChrome => Kind is not (LineKind.Blank or LineKind.Content);
}
