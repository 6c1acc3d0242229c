using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Search;

namespace SocialReport.Storage.PostgreSql.Tests;

/// <summary>Hosts sharing one database: what one publishes is searchable on the others, told by a notification or found by a look at the revision.</summary>
public sealed class SearchFollowingTests(PostgreSqlDatabase database) : IClassFixture<PostgreSqlDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_publish_on_one_host_is_searchable_on_the_other_without_waiting_for_the_look()
    {
        using (new PostgreSqlBackend(database)) { }
        // The clock never moves: only the notification can wake the other host's follower.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        await using var publisher = new SearchHost(database.ConnectionString, time);
        await using var other = new SearchHost(database.ConnectionString, time);
        await other.StartAsync();
        await WaitUntilAsync(() => other.Changes.Waits > 0);

        publisher.Publisher.Publish(Edition("zeppelin"));

        await WaitUntilAsync(() => other.Index.Search("zeppelin", 0, 10).Total == 2);
        publisher.Publisher.Publish(Edition("montgolfière"));
        await WaitUntilAsync(() => other.Index.Search("montgolfière", 0, 10).Total == 2);
        Assert.Equal(0, other.Index.Search("zeppelin", 0, 10).Total);
    }

    [Fact]
    public async Task Without_notifications_the_revision_is_looked_at_every_few_seconds()
    {
        using (new PostgreSqlBackend(database)) { }
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        await using var publisher = new SearchHost(database.ConnectionString, time);
        await using var other = new SearchHost(database.ConnectionString, time, deaf: true);
        await other.StartAsync();
        await WaitUntilAsync(() => other.Changes.Waits > 0);

        publisher.Publisher.Publish(Edition("dirigeable"));
        Assert.Equal(0, other.Index.Search("dirigeable", 0, 10).Total);
        time.Advance(StoryIndexFollower.LookEvery);

        await WaitUntilAsync(() => other.Index.Search("dirigeable", 0, 10).Total == 2);
    }

    [Fact]
    public void The_revision_moves_with_every_change_to_the_archive_and_only_then()
    {
        using var backend = new PostgreSqlBackend(database);
        var changes = new PostgreSqlArchiveChanges(backend.Store, TimeProvider.System);
        var archive = backend.Archive(TimeProvider.System);
        var before = changes.Revision();

        archive.Publish(Edition("ballon"));
        var added = changes.Revision();
        archive.Publish(Edition("ballon"));
        var unchanged = changes.Revision();
        archive.Publish(Edition("nacelle"));

        Assert.NotEqual(before, added);
        Assert.Equal(added, unchanged);
        Assert.NotEqual(unchanged, changes.Revision());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition()) await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
    }

    /// <summary>The same edition each time, its stories about <paramref name="word"/>.</summary>
    private static Core.Editions.Edition Edition(string word) => TestEditions.Weekly(new DateOnly(2020, 3, 6), text: $"Un {word} au-dessus de Paris.");

    /// <summary>One host's archive, search index and follower, on a store of its own.</summary>
    private sealed class SearchHost : IAsyncDisposable
    {
        private readonly PostgreSqlStore _store;
        private readonly StoryIndexFollower _follower;

        public SearchHost(string connectionString, TimeProvider time, bool deaf = false)
        {
            _store = new PostgreSqlStore(connectionString);
            var archive = new PostgreSqlEditionArchive(_store, time);
            Changes = new CountingChanges(new PostgreSqlArchiveChanges(_store, time), deaf ? time : null);
            Publisher = new EditionPublisher(archive, Index);
            _follower = new StoryIndexFollower(archive, Index, time, NullLogger<StoryIndexFollower>.Instance, Changes);
        }

        public CountingChanges Changes { get; }

        public EditionPublisher Publisher { get; }

        public LuceneStoryIndex Index { get; } = new();

        public Task StartAsync() => _follower.StartAsync(CancellationToken.None);

        public async ValueTask DisposeAsync()
        {
            await _follower.StopAsync(CancellationToken.None);
            _follower.Dispose();
            Changes.Dispose();
            Index.Dispose();
            _store.Dispose();
        }
    }

    /// <summary>The store's changes, counting the follower's waits (each after it caught up); deaf, it hears no notification and only waits out the look.</summary>
    private sealed class CountingChanges(PostgreSqlArchiveChanges inner, TimeProvider? deafClock) : IArchiveChanges, IDisposable
    {
        private int _waits;

        public int Waits => Volatile.Read(ref _waits);

        public long Revision() => inner.Revision();

        public Task WaitAsync(TimeSpan longest, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _waits);
            return deafClock is null ? inner.WaitAsync(longest, cancellationToken) : Task.Delay(longest, deafClock, cancellationToken);
        }

        public void Dispose() => inner.Dispose();
    }
}
