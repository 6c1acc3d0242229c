using System.Collections;
using System.Globalization;
using System.Reflection;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace SocialReport.Storage.LiteDb.Tests;

/// <summary>
/// LiteDB compiles each distinct query text once and keeps it for the life of the process: a query that writes its
/// values into its text (as <c>Query.In</c> does with its array) compiles anew for every value and never lets go. A
/// broadcast's work on the store must use the same few query texts for any number of chats.
/// The cache is the process's: these tests run alone, so that no other test's queries land in it meanwhile.
/// </summary>
[Collection(nameof(CompiledQueryTests))]
public sealed class CompiledQueryTests : IDisposable
{
    private readonly LiteDbBackend _backend = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void A_broadcasts_store_work_compiles_no_query_per_chat()
    {
        IChatStore chats = _backend.Chats();
        var ledger = _backend.Ledger(new DeliveryOptions(), _time);
        _backend.SaveChats(Keys(0, 600).Select(key => TestChats.Subscriber(key.Channel, key.Id)));

        void Deliver(int from)
        {
            var broadcast = ledger.Create("2020-03-06", true, DeliveryMode.Edition, "telegram:7", Keys(from, 200));
            foreach (var batch in ledger.Due(broadcast.Id, "telegram", _time.GetUtcNow(), 200).Chunk(32))
            {
                Assert.All(chats.Get(batch.Select(row => row.Chat).ToList()), Assert.NotNull);
                ledger.RecordAll([.. batch.Take(16).Select(row => (row, (SendOutcome)new SendOutcome.Sent("1")))], _time.GetUtcNow());
                foreach (var row in batch.Skip(16)) ledger.Record(row, new SendOutcome.Sent("1"), _time.GetUtcNow());
            }
            Assert.Equal(200, ledger.Counts(broadcast.Id).Sent);
            ledger.Complete(broadcast.Id);
        }

        Deliver(0);
        var compiled = CompiledQueries();
        Deliver(200);
        Deliver(400);

        Assert.Equal(compiled, CompiledQueries());
    }

    [Fact]
    public void Updates_through_the_inbox_compile_no_query_per_update()
    {
        var inbox = _backend.Inbox(remembered: 50);
        void Take(int from)
        {
            for (var i = from; i < from + 200; i++)
            {
                var id = i.ToString(CultureInfo.InvariantCulture);
                Assert.True(inbox.Add("telegram", id, "{}"));
                inbox.Complete("telegram", id);
            }
            Assert.Empty(inbox.Replay("telegram"));
        }

        Take(0);
        var compiled = CompiledQueries();
        Take(200);
        Take(400);

        Assert.Equal(compiled, CompiledQueries());
    }

    private static IEnumerable<ChatKey> Keys(int from, int count) =>
        Enumerable.Range(from, count).Select(i => new ChatKey("telegram", (1_000_000 + i).ToString(CultureInfo.InvariantCulture)));

    /// <summary>The sizes of LiteDB's caches of compiled expressions (private: fails loudly if LiteDB renames them).</summary>
    private static int CompiledQueries()
    {
        var caches = typeof(BsonExpression).GetFields(BindingFlags.Static | BindingFlags.NonPublic)
            .Where(field => field.Name.StartsWith("_cache", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, caches.Count);
        return caches.Sum(field => ((ICollection)field.GetValue(null)!).Count);
    }
}

[CollectionDefinition(nameof(CompiledQueryTests), DisableParallelization = true)]
public sealed class CompiledQueryCollection;
