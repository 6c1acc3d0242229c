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
    /// <summary>A post embedded from a social network: its text and its "— name (@handle) date" line.</summary>
    Embed,
    /// <summary>A category, tag list or section label ("Réseaux Sociaux", "facebook, instagram, Social Media", "🚨 Breaking News").</summary>
    Label,
}

/// <summary>One line of a plain-text export, with what it is. <see cref="Number"/> is 1-based.</summary>
internal sealed record TextLine(int Number, string Text, LineKind Kind)
{
    public bool IsChrome => Kind is not (LineKind.Blank or LineKind.Content);
}
