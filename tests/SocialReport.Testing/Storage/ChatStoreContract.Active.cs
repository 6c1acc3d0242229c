using SocialReport.Core.Readers;

namespace SocialReport.Testing.Storage;

/// <summary>How every store streams a channel's audience: in id order, a batch at a time, across changes, awaits and threads.</summary>
public abstract partial class ChatStoreContract
{
    [Fact]
    public void Active_streams_only_active_chats_of_the_channel_in_id_order_and_pages_after_an_id()
    {
        var expected = SeedTelegram(5000);
        foreach (var i in Enumerable.Range(0, 50)) _chats.Save(NewChat("teams", $"a:{i}"));
        _chats.Save(NewChat("telegramx", "1"));
        _chats.Save(NewChat("console", "admin"));

        var all = _chats.Active("telegram").Select(c => c.Key.Id).ToList();

        Assert.Equal(expected, all);
        Assert.All(_chats.Active("telegram").Take(10), c => Assert.Equal(("telegram", SubscriptionState.Active), (c.Key.Channel, c.State)));

        // Resuming after the last id read gives the rest, without gap or repeat.
        var first = _chats.Active("telegram").Take(1234).Select(c => c.Key.Id).ToList();
        var rest = _chats.Active("telegram", first[^1]).Select(c => c.Key.Id).ToList();
        Assert.Equal(expected, first.Concat(rest));
        Assert.Empty(_chats.Active("telegram", expected[^1]));
        Assert.Equal(50, _chats.Active("teams").Count());
        Assert.Empty(_chats.Active("whatsapp"));
        Assert.Equal(Enumerable.Range(0, 5000).Count(i => StateOf(i) == SubscriptionState.Blocked), _backend.InState("telegram", SubscriptionState.Blocked).Count());
        Assert.Throws<ArgumentException>(() => _chats.Active(""));
    }

    [Fact]
    public void Active_reads_as_it_goes_so_changes_made_while_streaming_are_seen()
    {
        var expected = SeedTelegram(3000);
        var blockedLater = expected[^100];

        var seen = new List<string>();
        foreach (var chat in _chats.Active("telegram"))
        {
            seen.Add(chat.Key.Id);
            if (seen.Count == 1)
            {
                // A broadcast marking a reader blocked, and a reader subscribing, while it walks the audience.
                _chats.Save(_chats.Get(new ChatKey("telegram", blockedLater))! with { State = SubscriptionState.Blocked });
                _chats.Save(NewChat("telegram", "99999999"));
            }
        }

        Assert.DoesNotContain(blockedLater, seen);
        Assert.Equal("99999999", seen[^1]);
        Assert.Equal(expected.Count, seen.Count);
    }

    [Fact]
    public async Task Active_can_be_enumerated_across_awaits_and_threads()
    {
        var expected = SeedTelegram(1200);

        // Outside the test's synchronization context, each await may resume on another pool thread.
        var seen = await Task.Run(async () =>
        {
            var ids = new List<string>();
            foreach (var chat in _chats.Active("telegram"))
            {
                ids.Add(chat.Key.Id);
                if (ids.Count % 100 == 0) await Task.Delay(1);
            }
            return ids;
        });

        Assert.Equal(expected, seen);
    }
}
