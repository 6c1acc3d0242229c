using SocialReport.Core.Archive;
using SocialReport.Core.Editions;

namespace SocialReport.EndToEnd.Tests.Delivery.Fakes;

public sealed class MemoryArchive : IEditionArchive
{
    private readonly Dictionary<string, Edition> _editions = [];

    public static Edition Edition(string id, int stories = 3) => new()
    {
        Id = id,
        Title = $"The Social Report {id}",
        Date = DateOnly.ParseExact(id, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Language = "fr",
        Stories = [.. Enumerable.Range(1, stories).Select(number => new Story { Id = $"{id}/{number}", Headline = $"Story {number}", Text = "Text." })],
    };

    public PublishResult Publish(Edition edition)
    {
        _editions[edition.Id] = edition;
        return new PublishResult(PublishOutcome.Added, edition.Id, 1);
    }

    public Edition? Get(string editionId) => _editions.GetValueOrDefault(editionId);

    public Edition? Latest() => _editions.Values.MaxBy(edition => edition.Date);

    public int Count() => _editions.Count;

    public IReadOnlyList<ArchiveEntry> List(int skip, int take) =>
        [.. _editions.Values.OrderByDescending(edition => edition.Date).Skip(skip).Take(take)
            .Select(edition => new ArchiveEntry(edition.Id, edition.Title, edition.Date, edition.Language, edition.Stories.Count, 1, DateTimeOffset.UnixEpoch))];

    public IEnumerable<Edition> All() => _editions.Values.OrderByDescending(edition => edition.Date);

    public bool Unpublish(string editionId) => _editions.Remove(editionId);
}
