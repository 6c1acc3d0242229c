using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Archive;
using SocialReport.Core.Editions;

namespace SocialReport.Testing.Storage;

/// <summary>What every store's archive does: a test class per store derives from it.</summary>
public abstract class EditionArchiveContract : IDisposable
{
    protected static readonly DateTimeOffset Start = new(2020, 3, 6, 8, 30, 0, TimeSpan.Zero);

    protected EditionArchiveContract(StorageBackend backend)
    {
        Backend = backend;
        Archive = backend.Archive(Time);
    }

    protected StorageBackend Backend { get; }

    protected FakeTimeProvider Time { get; } = new(Start);

    protected IEditionArchive Archive { get; }

    private IEditionRevisions Revisions => (IEditionRevisions)Archive;

    public void Dispose()
    {
        Backend.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Publish_then_get_round_trips_every_field()
    {
        var edition = TestEditions.Full();

        var result = Archive.Publish(edition);

        Assert.Equal(new PublishResult(PublishOutcome.Added, "2020-03-06", 1), result);
        TestEditions.AssertSame(edition, Archive.Get("2020-03-06"));
        Assert.Null(Archive.Get("2020-03-13"));
    }

    [Fact]
    public void Unpublish_removes_the_edition_and_its_revisions_and_publishing_it_again_starts_over()
    {
        Archive.Publish(TestEditions.Full());
        Archive.Publish(TestEditions.Full() with { Intro = "Corrigé." });
        Archive.Publish(TestEditions.Weekly(new DateOnly(2020, 2, 28)));

        Assert.True(Archive.Unpublish("2020-03-06"));

        Assert.Null(Archive.Get("2020-03-06"));
        Assert.Empty(Revisions.Revisions("2020-03-06"));
        Assert.Null(Revisions.Get("2020-03-06", 1));
        Assert.Equal("2020-02-28", Archive.Latest()?.Id);
        Assert.Equal(1, Archive.Count());
        Assert.Equal(["2020-02-28"], Archive.List(0, 10).Select(e => e.EditionId));
        Assert.Equal(["2020-02-28"], Archive.All().Select(e => e.Id));
        Assert.False(Archive.Unpublish("2020-03-06"));
        Assert.False(Archive.Unpublish("2020-03-13"));
        Assert.Equal(new PublishResult(PublishOutcome.Added, "2020-03-06", 1), Archive.Publish(TestEditions.Full()));
        TestEditions.AssertSame(TestEditions.Full(), Archive.Get("2020-03-06"));
    }

    [Fact]
    public void Publish_round_trips_an_edition_without_url_authors_or_intro()
    {
        var edition = TestEditions.Weekly(new DateOnly(2021, 1, 8), "en") with { Url = null, Authors = [], Intro = "" };

        Archive.Publish(edition);

        var stored = Archive.Get("2021-01-08");
        TestEditions.AssertSame(edition, stored);
        Assert.Null(stored!.Url);
        Assert.Empty(stored.Authors);
    }

    [Theory]
    [InlineData(DateSource.FileName)]
    [InlineData(DateSource.Metadata)]
    [InlineData(DateSource.Given)]
    public void Publish_keeps_where_the_date_came_from(DateSource source)
    {
        var edition = TestEditions.Weekly(new DateOnly(2021, 1, 8), "en") with { DateSource = source };

        Archive.Publish(edition);

        Assert.Equal(source, Archive.Get("2021-01-08")!.DateSource);
        Assert.Equal(source, Archive.Latest()!.DateSource);
    }

    [Fact]
    public void Metadata_describes_the_current_revision()
    {
        Archive.Publish(TestEditions.Full());

        var entry = Assert.Single(Archive.List(0, 10));

        Assert.Equal(new ArchiveEntry("2020-03-06", TestEditions.Full().Title, new DateOnly(2020, 3, 6), "fr", 2, 1, Start,
            EditionContent.Hash(EditionContent.Serialize(TestEditions.Full()))), entry);
    }

    [Fact]
    public void Content_hash_is_the_sha256_of_the_stored_json()
    {
        var edition = TestEditions.Full();
        Archive.Publish(edition);

        var json = EditionContent.Serialize(edition);
        var revision = Assert.Single(Revisions.Revisions(edition.Id));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))), revision.ContentHash);
        Assert.Contains("\"headline\":\"L’Europe dévoile", json, StringComparison.Ordinal);
        Assert.Contains("\"date\":\"2020-03-06\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_content_again_is_unchanged_and_writes_nothing()
    {
        Archive.Publish(TestEditions.Full());
        Time.Advance(TimeSpan.FromHours(1));

        var again = Archive.Publish(TestEditions.Full());

        Assert.Equal(new PublishResult(PublishOutcome.Unchanged, "2020-03-06", 1), again);
        var revision = Assert.Single(Revisions.Revisions("2020-03-06"));
        Assert.Equal(Start, revision.PublishedAt);
        Assert.Equal(Start, Assert.Single(Archive.List(0, 1)).PublishedAt);
    }

    [Fact]
    public void Changed_content_becomes_revision_two_and_keeps_the_first()
    {
        var first = TestEditions.Full();
        var changed = first with { Title = "The Social Report — corrigé" };
        Archive.Publish(first);
        Time.Advance(TimeSpan.FromHours(2));

        var result = Archive.Publish(changed);

        Assert.Equal(new PublishResult(PublishOutcome.Revised, "2020-03-06", 2), result);
        Assert.Equal(1, Archive.Count());
        TestEditions.AssertSame(changed, Archive.Get("2020-03-06"));
        TestEditions.AssertSame(first, Revisions.Get("2020-03-06", 1));
        Assert.Equal(
            [(1, false, Start), (2, true, Start.AddHours(2))],
            Revisions.Revisions("2020-03-06").Select(r => (r.Revision, r.IsCurrent, r.PublishedAt)));
        var entry = Assert.Single(Archive.List(0, 10));
        Assert.Equal((2, "The Social Report — corrigé", Start.AddHours(2)), (entry.Revision, entry.Title, entry.PublishedAt));
    }

    [Fact]
    public void Going_back_to_earlier_content_is_a_new_revision()
    {
        var first = TestEditions.Weekly(new DateOnly(2020, 3, 6), text: "A");
        Archive.Publish(first);
        Archive.Publish(first with { Intro = "B" });

        var result = Archive.Publish(first);

        Assert.Equal(new PublishResult(PublishOutcome.Revised, "2020-03-06", 3), result);
        Assert.Equal("", Archive.Get("2020-03-06")!.Intro);
        Assert.Equal("B", Revisions.Get("2020-03-06", 2)!.Intro);
    }

    [Fact]
    public void Latest_is_the_newest_date_whatever_the_publishing_order()
    {
        Assert.Null(Archive.Latest());

        foreach (var day in new[] { 13, 6, 20, 1 })
        {
            Archive.Publish(TestEditions.Weekly(new DateOnly(2020, 3, day)));
            Time.Advance(TimeSpan.FromDays(1));
        }
        Archive.Publish(TestEditions.Weekly(new DateOnly(2019, 12, 27)));

        Assert.Equal("2020-03-20", Archive.Latest()!.Id);
    }

    [Fact]
    public void List_pages_newest_first()
    {
        var dates = Enumerable.Range(0, 25).Select(week => new DateOnly(2020, 1, 3).AddDays(7 * week)).ToList();
        foreach (var date in dates.OrderBy(d => (d.DayNumber * 7919) % 25)) Archive.Publish(TestEditions.Weekly(date, stories: date.Day % 4 + 1));

        var pages = new[] { Archive.List(0, 10), Archive.List(10, 10), Archive.List(20, 10) };

        Assert.Equal([10, 10, 5], pages.Select(p => p.Count));
        Assert.Equal(dates.OrderDescending(), pages.SelectMany(p => p).Select(e => e.Date));
        Assert.All(pages.SelectMany(p => p), e => Assert.Equal(e.Date.Day % 4 + 1, e.Stories));
        Assert.Empty(Archive.List(25, 10));
        Assert.Empty(Archive.List(0, 0));
        Assert.Equal(25, Archive.Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => Archive.List(-1, 10));
    }

    [Fact]
    public void All_streams_every_current_edition_newest_first()
    {
        var dates = Enumerable.Range(0, 75).Select(week => new DateOnly(2019, 1, 4).AddDays(7 * week)).ToList();
        foreach (var date in dates.OrderBy(d => (d.DayNumber * 31) % 75)) Archive.Publish(TestEditions.Weekly(date));
        Archive.Publish(TestEditions.Weekly(dates[10], text: "Revised."));

        var all = Archive.All().ToList();

        Assert.Equal(dates.OrderDescending(), all.Select(e => e.Date));
        Assert.Equal("Revised.", all.Single(e => e.Date == dates[10]).Stories[0].Text);
    }

    [Fact]
    public void All_lets_the_caller_publish_while_it_enumerates()
    {
        var dates = Enumerable.Range(0, 40).Select(week => new DateOnly(2020, 1, 3).AddDays(7 * week)).ToList();
        foreach (var date in dates) Archive.Publish(TestEditions.Weekly(date));

        var seen = new List<DateOnly>();
        foreach (var edition in Archive.All())
        {
            seen.Add(edition.Date);
            // A revision of an edition still to come, and a new one older than everything.
            if (seen.Count == 1)
            {
                Archive.Publish(TestEditions.Weekly(dates[0], text: "Revised while listing."));
                Archive.Publish(TestEditions.Weekly(new DateOnly(2019, 6, 7)));
            }
        }

        Assert.Equal(41, seen.Count);
        Assert.Equal(new DateOnly(2019, 6, 7), seen[^1]);
    }

    [Fact]
    public void Reopening_the_store_reads_everything_back()
    {
        var full = TestEditions.Full();
        Archive.Publish(full);
        Archive.Publish(full with { Intro = "Corrigé." });
        Archive.Publish(TestEditions.Weekly(new DateOnly(2020, 3, 13), "en"));
        var listed = Archive.List(0, 10);
        Backend.Reopen();

        var archive = Backend.Archive(Time);

        Assert.Equal(2, archive.Count());
        Assert.Equal(listed, archive.List(0, 10));
        TestEditions.AssertSame(full with { Intro = "Corrigé." }, archive.Get("2020-03-06"));
        TestEditions.AssertSame(full, ((IEditionRevisions)archive).Get("2020-03-06", 1));
        Assert.Equal("2020-03-13", archive.Latest()!.Id);
        Assert.Equal(PublishOutcome.Unchanged, archive.Publish(TestEditions.Weekly(new DateOnly(2020, 3, 13), "en")).Outcome);
    }
}
