using System.Text.Json.Nodes;
using SocialReport.Core.Cards;
using SocialReport.Core.Editions;

namespace SocialReport.Host.Web;

/// <param name="DateMissing">The file says nowhere when it was published: the preview is dated today and the date must be given.</param>
internal sealed record PreviewResponse(EditionSummary Edition, IReadOnlyList<EditionProblem> Problems, IReadOnlyList<ChannelPreview> Channels,
    bool DateMissing = false);

internal sealed record EditionSummary(string Id, string Title, DateOnly Date, DateSource DateSource, string Language, Uri? Url,
    IReadOnlyList<string> Authors, string Intro, IReadOnlyList<StorySummary> Stories)
{
    public static EditionSummary Of(Edition edition) => new(edition.Id, edition.Title, edition.Date, edition.DateSource, edition.Language, edition.Url,
        [.. edition.Authors.Select(a => a.Name)], edition.Intro,
        [.. edition.Stories.Select(s => new StorySummary(s.Number, s.Id, s.Headline, s.Sources, s.Topics, s.Text.Length))]);
}

internal sealed record StorySummary(int Number, string Id, string Headline, IReadOnlyList<Source> Sources, IReadOnlyList<string> Topics, int TextLength);

/// <param name="Error">Why this channel could not render the edition, when it could not.</param>
internal sealed record ChannelPreview(string Channel, IReadOnlyList<MessagePreview> Messages, string? Error = null);

/// <param name="Payload">Exactly what the channel would send.</param>
internal sealed record MessagePreview(string Kind, JsonObject Payload, string Text, IReadOnlyList<Budget> Budgets, IReadOnlyList<string> Problems);

/// <summary>
/// An edition as every registered channel would show it, produced by the channels' own previews
/// (<see cref="IEditionPreview"/>), with their platform budgets and the edition's problems.
/// </summary>
internal sealed class EditionPreviewer
{
    private readonly IReadOnlyList<IEditionPreview> _previews;

    /// <remarks>
    /// One preview per channel: the first registered wins, so a channel adapter's own preview is never shadowed. The
    /// channels come in the order they were registered, the plain text they all fall back to last.
    /// </remarks>
    public EditionPreviewer(IEnumerable<IEditionPreview> previews) =>
        _previews = [.. previews
            .DistinctBy(p => p.Channel, StringComparer.OrdinalIgnoreCase)
            .OrderBy(p => p is PlainTextPreview)];

    public IEnumerable<string> Channels => _previews.Select(p => p.Channel);

    public PreviewResponse Preview(Edition edition, string? language)
    {
        var lang = language is "fr" or "en" ? language : edition.Language;
        return new PreviewResponse(EditionSummary.Of(edition), EditionProblems.Find(edition), [.. _previews.Select(p => Render(p, edition, lang))]);
    }

    private static ChannelPreview Render(IEditionPreview preview, Edition edition, string language)
    {
        IReadOnlyList<PreviewMessage> messages;
        try
        {
            messages = preview.Render(edition, language);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            return new ChannelPreview(preview.Channel, [], $"{preview.Channel} cannot render this edition: {e.Message}");
        }
        return new ChannelPreview(preview.Channel, [.. messages.Select(m =>
        {
            var (budgets, problems) = preview.Measure(m.Payload);
            return new MessagePreview(m.Kind, m.Payload, m.Text, budgets, problems);
        })]);
    }
}
