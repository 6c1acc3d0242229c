using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Archive;

namespace SocialReport.Testing.Storage;

/// <summary>What every store's archive does: a test class per store derives from it.</summary>
public abstract class EditionArchiveContract : IDisposable
{
    protected static readonly DateTimeOffset Start = new(2020, 3, 6, 8, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly IEditionArchive _archive;

    protected EditionArchiveContract(StorageBackend backend)
    {
        Backend = backend;
        _archive = backend.Archive(_time);
    }

    protected StorageBackend Backend { get; }

    protected FakeTimeProvider Time => _time;

    protected IEditionArchive Archive => _archive;

    private IEditionRevisions Revisions => (IEditionRevisions)_archive;

    public void Dispose()
    {
        Backend.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Publish_then_get_round_trips_every_field()
    {
        var edition = TestEditions.Full();

        var result = _archive.Publish(edition);

        Assert.Equal(new PublishResult(PublishOutcome.Added, "2020-03-06", 1), result);
        TestEditions.AssertSame(edition, _archive.Get("2020-03-06"));
        Assert.Null(_archive.Get("2020-03-13"));
    }

    [Fact]
    public void Publish_round_trips_an_edition_without_url_authors_or_intro()
    {
        var edition = TestEditions.Weekly(new DateOnly(2021, 1, 8), "en") with { Url = null, Authors = [], Intro = "" };

        _archive.Publish(edition);

        var stored = _archive.Get("2021-01-08");
        TestEditions.AssertSame(edition, stored);
        Assert.Null(stored!.Url);
        Assert.Empty(stored.Authors);
    }

    [Fact]
    public void Metadata_describes_the_current_revision()
    {
        _archive.Publish(TestEditions.Full());

        var entry = Assert.Single(_archive.List(0, 10));

        Assert.Equal(new ArchiveEntry("2020-03-06", TestEditions.Full().Title, new DateOnly(2020, 3, 6), "fr", 2, 1, Start), entry);
    }

    [Fact]
    public void Content_hash_is_the_sha256_of_the_stored_json()
    {
        var edition = TestEditions.Full();
        _archive.Publish(edition);

        var json = EditionContent.Serialize(edition);
        var revision = Assert.Single(Revisions.Revisions(edition.Id));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))), revision.ContentHash);
        Assert.Contains("\"headline\":\"L’Europe dévoile", json, StringComparison.Ordinal);
        Assert.Contains("\"date\":\"2020-03-06\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_content_again_is_unchanged_and_writes_nothing()
    {
        _archive.Publish(TestEditions.Full());
        _time.Advance(TimeSpan.FromHours(1));

        var again = _archive.Publish(TestEditions.Full());

        Assert.Equal(new PublishResult(PublishOutcome.Unchanged, "2020-03-06", 1), again);
        var revision = Assert.Single(Revisions.Revisions("2020-03-06"));
        Assert.Equal(Start, revision.PublishedAt);
        Assert.Equal(Start, Assert.Single(_archive.List(0, 1)).PublishedAt);
    }

    [Fact]
    public void Changed_content_becomes_revision_two_and_keeps_the_first()
    {
        var first = TestEditions.Full();
        var changed = first with { Title = "The Social Report — corrigé" };
        _archive.Publish(first);
        _time.Advance(TimeSpan.FromHours(2));

        var result = _archive.Publish(changed);

        Assert.Equal(new PublishResult(PublishOutcome.Revised, "2020-03-06", 2), result);
        Assert.Equal(1, _archive.Count());
        TestEditions.AssertSame(changed, _archive.Get("2020-03-06"));
        TestEditions.AssertSame(first, Revisions.Get("2020-03-06", 1));
        Assert.Equal(
            [(1, false, Start), (2, true, Start.AddHours(2))],
            Revisions.Revisions("2020-03-06").Select(r => (r.Revision, r.IsCurrent, r.PublishedAt)));
        var entry = Assert.Single(_archive.List(0, 10));
        Assert.Equal((2, "The Social Report — corrigé", Start.AddHours(2)), (entry.Revision, entry.Title, entry.PublishedAt));
    }

    [Fact]
    public void Going_back_to_earlier_content_is_a_new_revision()
    {
        var first = TestEditions.Weekly(new DateOnly(2020, 3, 6), text: "A");
        _archive.Publish(first);
        _archive.Publish(first with { Intro = "B" });

        var result = _archive.Publish(first);

        Assert.Equal(new PublishResult(PublishOutcome.Revised, "2020-03-06", 3), result);
        Assert.Equal("", _archive.Get("2020-03-06")!.Intro);
        Assert.Equal("B", Revisions.Get("2020-03-06", 2)!.Intro);
    }

    [Fact]
    public void Latest_is_the_newest_date_whatever_the_publishing_order()
    {
        Assert.Null(_archive.Latest());

        foreach (var day in new[] { 13, 6, 20, 1 })
        {
            _archive.Publish(TestEditions.Weekly(new DateOnly(2020, 3, day)));
            _time.Advance(TimeSpan.FromDays(1));
        }
        _archive.Publish(TestEditions.Weekly(new DateOnly(2019, 12, 27)));

        Assert.Equal("2020-03-20", _archive.Latest()!.Id);
    }

    [Fact]
    public void List_pages_newest_first()
    {
        var dates = Enumerable.Range(0, 25).Select(week => new DateOnly(2020, 1, 3).AddDays(7 * week)).ToList();
        foreach (var date in dates.OrderBy(d => (d.DayNumber * 7919) % 25)) _archive.Publish(TestEditions.Weekly(date, stories: date.Day % 4 + 1));

        var pages = new[] { _archive.List(0, 10), _archive.List(10, 10), _archive.List(20, 10) };

        Assert.Equal([10, 10, 5], pages.Select(p => p.Count));
        Assert.Equal(dates.OrderDescending(), pages.SelectMany(p => p).Select(e => e.Date));
        Assert.All(pages.SelectMany(p => p), e => Assert.Equal(e.Date.Day % 4 + 1, e.Stories));
        Assert.Empty(_archive.List(25, 10));
        Assert.Empty(_archive.List(0, 0));
        Assert.Equal(25, _archive.Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => _archive.List(-1, 10));
    }

    [Fact]
    public void All_streams_every_current_edition_newest_first()
    {
        var dates = Enumerable.Range(0, 75).Select(week => new DateOnly(2019, 1, 4).AddDays(7 * week)).ToList();
        foreach (var date in dates.OrderBy(d => (d.DayNumber * 31) % 75)) _archive.Publish(TestEditions.Weekly(date));
        _archive.Publish(TestEditions.Weekly(dates[10], text: "Revised."));

        var all = _archive.All().ToList();

        Assert.Equal(dates.OrderDescending(), all.Select(e => e.Date));
        Assert.Equal("Revised.", all.Single(e => e.Date == dates[10]).Stories[0].Text);
    }

    [Fact]
    public void All_lets_the_caller_publish_while_it_enumerates()
    {
        var dates = Enumerable.Range(0, 40).Select(week => new DateOnly(2020, 1, 3).AddDays(7 * week)).ToList();
        foreach (var date in dates) _archive.Publish(TestEditions.Weekly(date));

        var seen = new List<DateOnly>();
        foreach (var edition in _archive.All())
        {
            seen.Add(edition.Date);
            // A revision of an edition still to come, and a new one older than everything.
            if (seen.Count == 1)
            {
                _archive.Publish(TestEditions.Weekly(dates[0], text: "Revised while listing."));
                _archive.Publish(TestEditions.Weekly(new DateOnly(2019, 6, 7)));
            }
        }

        Assert.Equal(41, seen.Count);
        Assert.Equal(new DateOnly(2019, 6, 7), seen[^1]);
    }

    [Fact]
    public void Reopening_the_store_reads_everything_back()
    {
        var full = TestEditions.Full();
        _archive.Publish(full);
        _archive.Publish(full with { Intro = "Corrigé." });
        _archive.Publish(TestEditions.Weekly(new DateOnly(2020, 3, 13), "en"));
        var listed = _archive.List(0, 10);
        Backend.Reopen();

        var archive = Backend.Archive(_time);

        Assert.Equal(2, archive.Count());
        Assert.Equal(listed, archive.List(0, 10));
        TestEditions.AssertSame(full with { Intro = "Corrigé." }, archive.Get("2020-03-06"));
        TestEditions.AssertSame(full, ((IEditionRevisions)archive).Get("2020-03-06", 1));
        Assert.Equal("2020-03-13", archive.Latest()!.Id);
        Assert.Equal(PublishOutcome.Unchanged, archive.Publish(TestEditions.Weekly(new DateOnly(2020, 3, 13), "en")).Outcome);
    }
}
