using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialReport.Core.Inbox;
using SocialReport.Telegram.Inbound;

namespace SocialReport.Telegram.Tests.Inbound;

public class TelegramUpdateQueueTests
{
    private static TelegramUpdateQueue Queue(int capacity, IUpdateInbox? inbox = null) =>
        new(inbox ?? new MemoryUpdateInbox(), Options.Create(new TelegramOptions { BotToken = "1:x", QueueCapacity = capacity }), NullLogger<TelegramUpdateQueue>.Instance);

    private static Update Message(int id, string text = "/latest") =>
        new() { Id = id, Message = new Message { Id = id, Chat = new Chat { Id = 7, Type = ChatType.Private }, Text = text, Date = DateTime.UtcNow } };

    [Fact]
    public async Task A_repeated_update_id_is_taken_once()
    {
        var queue = Queue(10);

        Assert.Equal(Enqueued.Accepted, await queue.TryEnqueueAsync(new Update { Id = 1 }));
        Assert.Equal(Enqueued.Duplicate, await queue.TryEnqueueAsync(new Update { Id = 1 }));
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
        var inbox = new MemoryUpdateInbox();
        var queue = Queue(1, inbox);
        await queue.TryEnqueueAsync(new Update { Id = 1 });

        Assert.Equal(Enqueued.Full, await queue.TryEnqueueAsync(new Update { Id = 2 }));
        Assert.Equal(["1"], inbox.Replay(TelegramUpdateQueue.Source).Select(e => e.Id));
        await queue.Reader.ReadAsync();
        Assert.Equal(Enqueued.Accepted, await queue.TryEnqueueAsync(new Update { Id = 2 }));
    }

    [Fact]
    public async Task Updates_taken_and_never_completed_are_handed_over_at_the_next_start_oldest_first_and_a_completed_one_stays_a_repeat()
    {
        var inbox = new MemoryUpdateInbox();
        var before = Queue(10, inbox);
        await before.TryEnqueueAsync(Message(1));
        await before.EnqueueAsync(Message(2, "/help"), default);
        await before.TryEnqueueAsync(Message(3));
        await before.CompleteAsync(Message(2));

        var after = Queue(10, inbox);

        var unhandled = after.TakeUnhandled();
        Assert.Equal([(1, "/latest"), (3, "/latest")], unhandled.Select(u => (u.Id, u.Message!.Text)));
        Assert.Equal(7, unhandled[0].Message!.Chat.Id);
        Assert.Empty(after.TakeUnhandled());
        Assert.Equal(Enqueued.Duplicate, await after.TryEnqueueAsync(Message(2)));
        Assert.Equal(Enqueued.Duplicate, await after.TryEnqueueAsync(Message(3)));
        Assert.False(after.Reader.TryRead(out _));
    }

    [Fact]
    public async Task An_update_still_unhandled_after_MaxReplays_starts_is_given_up()
    {
        var inbox = new MemoryUpdateInbox();
        await Queue(10, inbox).TryEnqueueAsync(Message(1));

        for (var start = 1; start <= TelegramUpdateQueue.MaxReplays; start++)
            Assert.Single(Queue(10, inbox).TakeUnhandled());

        Assert.Empty(Queue(10, inbox).TakeUnhandled());
        Assert.Empty(inbox.Replay(TelegramUpdateQueue.Source));
    }

    [Fact]
    public async Task An_update_too_large_to_keep_is_refused_and_not_kept()
    {
        var inbox = new MemoryUpdateInbox();
        var queue = Queue(10, inbox);

        Assert.Equal(Enqueued.TooLarge, await queue.TryEnqueueAsync(Message(1, new string('x', IUpdateInbox.MaxBodyChars))));

        Assert.False(queue.Reader.TryRead(out _));
        Assert.Empty(inbox.Replay(TelegramUpdateQueue.Source));
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
