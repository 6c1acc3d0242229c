using LiteDB;

namespace SocialReport.Storage.LiteDb.Tests;

/// <summary>Writes made at once share commits; each returns committed; a failing one fails alone.</summary>
public sealed class GroupCommitTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private readonly LiteDbStore _store;

    public GroupCommitTests() => _store = new LiteDbStore(_dir.DatabaseFile);

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Writes_made_while_a_commit_waits_for_the_lock_share_the_next_commit()
    {
        var writes = new GroupCommit(_store);
        var things = _store.Database.GetCollection("things");

        var results = await WhileTheCollectionIsLocked(writes, 50, i => writes.Run(() =>
        {
            things.Insert(new BsonDocument { ["_id"] = i });
            return i;
        }));

        Assert.Equal(Enumerable.Range(0, 50), results.Select(r => r.Result));
        // The first commit waited for the lock with the writes queued by then; every other write in the one after.
        Assert.Equal(2, writes.Commits);
        Assert.Equal(0, writes.Pending);
        Assert.Equal(51, things.Count());
    }

    [Fact]
    public async Task A_failing_write_fails_alone_and_the_writes_sharing_its_commit_land()
    {
        var writes = new GroupCommit(_store);
        var things = _store.Database.GetCollection("things");

        var results = await WhileTheCollectionIsLocked(writes, 10, i => writes.Run(() =>
        {
            things.Insert(new BsonDocument { ["_id"] = i });
            return i == 5 ? throw new InvalidOperationException("write 5 fails") : i;
        }));

        Assert.IsType<InvalidOperationException>(results[5].Exception?.InnerException);
        Assert.All(results.Where((_, i) => i != 5), r => Assert.True(r.IsCompletedSuccessfully));
        Assert.Equal([.. Enumerable.Range(0, 10).Where(i => i != 5).Select(i => new BsonValue(i))],
            things.FindAll().Select(doc => doc["_id"]).Where(id => id.IsInt32).OrderBy(id => id.AsInt32));
    }

    [Fact]
    public async Task The_same_update_received_twice_at_once_is_kept_once()
    {
        var inbox = new LiteDbUpdateInbox(_store);

        // Each update twice, all waiting behind a transaction that holds the inbox: the first commit holds one add, the
        // second the five others, a repeat among them.
        var results = await WhileTheCollectionIsLocked(inbox.Writes, 6, i => inbox.Add("telegram", (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture), "{}"),
            LiteDbUpdateInbox.Collection);

        Assert.Equal(2, inbox.Writes.Commits);
        Assert.Equal(3, results.Count(r => r.Result));
        Assert.Equal(["0", "1", "2"], inbox.Replay("telegram").Select(e => e.Id).Order());
    }

    [Fact]
    public async Task Asynchronous_writes_wait_their_turn_without_a_thread_and_share_the_next_commit()
    {
        var writes = new GroupCommit(_store);
        var things = _store.Database.GetCollection("things");
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = Task.Factory.StartNew(() => _store.InTransaction(() =>
        {
            things.Insert(new BsonDocument { ["_id"] = "held" });
            holding.Set();
            release.Wait(Guard);
            return 0;
        }), TaskCreationOptions.LongRunning);
        Assert.True(holding.Wait(Guard));
        var first = Task.Factory.StartNew(() => writes.Run(() => things.Insert(new BsonDocument { ["_id"] = -1 })), TaskCreationOptions.LongRunning);
        Assert.True(SpinWait.SpinUntil(() => writes.Pending == 1, Guard));

        // Fifty writes asked from this one thread: each returns at once, waiting its turn.
        var queued = Enumerable.Range(0, 50).Select(i => writes.RunAsync(() =>
        {
            things.Insert(new BsonDocument { ["_id"] = i });
            return i;
        })).ToList();
        Assert.All(queued, write => Assert.False(write.IsCompleted));
        Assert.Equal(51, writes.Pending);
        release.Set();

        Assert.Equal(Enumerable.Range(0, 50), await Task.WhenAll(queued).WaitAsync(Guard));
        await Task.WhenAll(holder, first).WaitAsync(Guard);
        Assert.Equal(2, writes.Commits);
        Assert.Equal(52, things.Count());
    }

    /// <summary>
    /// Starts <paramref name="count"/> writes while another transaction holds <paramref name="collection"/>'s write lock,
    /// waits until all are waiting, then lets the transaction commit.
    /// </summary>
    private async Task<Task<T>[]> WhileTheCollectionIsLocked<T>(GroupCommit writes, int count, Func<int, T> write, string collection = "things")
    {
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = Task.Factory.StartNew(() => _store.InTransaction(() =>
        {
            _store.Database.GetCollection(collection).Insert(new BsonDocument { ["_id"] = "held" });
            holding.Set();
            release.Wait(Guard);
            return 0;
        }), TaskCreationOptions.LongRunning);
        Assert.True(holding.Wait(Guard));
        var tasks = Enumerable.Range(0, count).Select(i => Task.Factory.StartNew(() => write(i), TaskCreationOptions.LongRunning)).ToArray();
        Assert.True(SpinWait.SpinUntil(() => writes.Pending == count, Guard));
        release.Set();
        await holder.WaitAsync(Guard);
        await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(Guard);
        return tasks;
    }
}
