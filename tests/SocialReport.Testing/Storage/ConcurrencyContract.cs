using SocialReport.Core.Archive;
using SocialReport.Core.Readers;

namespace SocialReport.Testing.Storage;

/// <summary>Every store is used from many threads at once: a test class per store derives from it.</summary>
public abstract class ConcurrencyContract(StorageBackend backend) : IDisposable
{
    public void Dispose()
    {
        backend.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Publishing_reading_and_saving_chats_from_several_threads_at_once()
    {
        var archive = backend.Archive(TimeProvider.System);
        var history = (IEditionRevisions)archive;
        var chats = backend.Chats();
        var start = new DateOnly(2020, 1, 3);
        using var go = new ManualResetEventSlim();

        // Four publishers on the same twenty dates, each content three times: 20 editions, revisions without gaps.
        var publishers = Enumerable.Range(0, 4).Select(p => Task.Run(() =>
        {
            go.Wait();
            for (var round = 0; round < 3; round++)
            {
                for (var week = 0; week < 20; week++)
                {
                    archive.Publish(TestEditions.Weekly(start.AddDays(7 * week), text: $"round {round} by {p}"));
                }
            }
        })).ToList();

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            go.Wait();
            for (var i = 0; i < 30; i++)
            {
                archive.Latest();
                Assert.True(archive.List(0, 5).Count <= 5);
                var dates = archive.All().Select(e => e.Date).ToList();
                Assert.Equal(dates.OrderDescending(), dates);
                archive.Get("2020-01-03");
                archive.Count();
                Assert.True(chats.Active("telegram").All(c => c.State == SubscriptionState.Active));
                chats.CountByState();
            }
        })).ToList();

        var subscribers = Enumerable.Range(0, 2).Select(w => Task.Run(() =>
        {
            go.Wait();
            for (var i = 0; i < 300; i++)
            {
                var key = new ChatKey("telegram", $"{w}-{i:D4}");
                chats.Save(new Chat { Key = key, Kind = ChatKind.Private, Language = "fr", State = SubscriptionState.Active, UpdatedAt = DateTimeOffset.UtcNow });
                if (i % 10 == 0) chats.Rekey(key, new ChatKey("telegram", $"{w}-{i:D4}-moved"));
            }
        })).ToList();

        go.Set();
        await Task.WhenAll([.. publishers, .. readers, .. subscribers]);

        Assert.Equal(20, archive.Count());
        foreach (var entry in archive.List(0, 20))
        {
            var revisions = history.Revisions(entry.EditionId);
            Assert.Equal(Enumerable.Range(1, revisions.Count), revisions.Select(r => r.Revision));
            Assert.Equal(revisions.Count, entry.Revision);
        }
        Assert.Equal(600, chats.Active("telegram").Count());
        Assert.Equal(60, chats.Active("telegram").Count(c => c.Key.Id.EndsWith("-moved", StringComparison.Ordinal)));
    }
}
