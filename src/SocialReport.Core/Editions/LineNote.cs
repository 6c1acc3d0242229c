namespace SocialReport.Core.Editions;

/// <param name="Line">1-based line of the file.</param>
/// <param name="Role">title, date, byline, editors, intro, headline, body, source, signature, dropped, unused; and for
/// Markdown front (front matter) and tags.</param>
/// <param name="Why">Why the line got its role, in a few words ("section label", "headline of story 2").</param>
public sealed record LineNote(int Line, string Role, string Text, string Why)
{
    private const int MaxTextChars = 80;

    /// <summary>A note with the line's text cut to a width a terminal shows.</summary>
    public static LineNote Of(int line, string role, string text, string why) =>
        new(line, role, text.Length > MaxTextChars ? text[..MaxTextChars] + "…" : text, why);
}

/// <summary>What <c>import --explain</c> shows: each line's role, then the edition or the reason there is none.</summary>
public sealed record ImportExplanation(IReadOnlyList<LineNote> Lines, Edition? Edition, string? Error);
