using Microsoft.Extensions.Options;
using SocialReport.Telegram.Updates;
using Telegram.Bot.Types;

namespace SocialReport.Telegram.Tests.Adapter;

public class TelegramUpdateQueueTests
{
    static TelegramUpdateQueue Queue(int capacity) => new(Options.Create(new TelegramOptions { QueueCapacity = capacity }));

    [Fact]
    public async Task A_repeated_update_id_is_taken_once()
    {
        var queue = Queue(10);

        Assert.Equal(Enqueued.Accepted, queue.TryEnqueue(new Update { Id = 1 }));
        Assert.Equal(Enqueued.Duplicate, queue.TryEnqueue(new Update { Id = 1 }));
        Assert.Equal(Enqueued.Duplicate, await queue.EnqueueAsync(new Update { Id = 1 }, default));
        Assert.Equal(Enqueued.Accepted, await queue.EnqueueAsync(new Update { Id = 2 }, default));

        var first = await queue.Reader.ReadAsync();
        var second = await queue.Reader.ReadAsync();
        Assert.Equal((1, 2), (first.Id, second.Id));
        Assert.False(queue.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_full_queue_refuses_and_forgets_the_id_so_that_Telegrams_next_delivery_is_taken()
    {
        var queue = Queue(1);
        queue.TryEnqueue(new Update { Id = 1 });

        Assert.Equal(Enqueued.Full, queue.TryEnqueue(new Update { Id = 2 }));
        await queue.Reader.ReadAsync();
        Assert.Equal(Enqueued.Accepted, queue.TryEnqueue(new Update { Id = 2 }));
    }

    [Fact]
    public void Only_the_most_recent_ids_are_remembered()
    {
        var ids = new RecentUpdateIds(3);
        Assert.True(ids.Add(1));
        ids.Add(2);
        ids.Add(3);
        Assert.False(ids.Add(1));
        ids.Add(4);
        Assert.True(ids.Add(1));
    }

    [Theory]
    [InlineData("s3cret_-token", "s3cret_-token", true)]
    [InlineData("s3cret_-token", "s3cret_-tokeN", false)]
    [InlineData("s3cret", "s3cret_-token", false)]
    [InlineData(null, "s3cret", false)]
    [InlineData("", "s3cret", false)]
    [InlineData("s3cret", null, false)]
    public void The_webhook_secret_must_match_exactly(string? received, string? expected, bool matches) =>
        Assert.Equal(matches, TelegramWebhook.SecretMatches(received, expected));
}
