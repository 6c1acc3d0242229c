using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialReport.Core.Inbox;
using SocialReport.Telegram.Inbound;

namespace SocialReport.Telegram.Tests.Inbound;

public class TelegramUpdateWorkerTests
{
    /// <summary>Records what it handles; updates of chat <see cref="Slow"/> wait until released.</summary>
    private sealed class RecordingHandler : ITelegramUpdateHandler
    {
        public const long Slow = 1;
        public readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly ConcurrentQueue<int> Handled = new();
        public readonly ConcurrentQueue<int> Entered = new();

        public async Task HandleAsync(Update update, CancellationToken cancellationToken)
        {
            Entered.Enqueue(update.Id);
            if (update.Message!.Chat.Id == Slow) await Release.Task.WaitAsync(cancellationToken);
            if (update.Message.Text == "boom") throw new InvalidOperationException("a failing update");
            Handled.Enqueue(update.Id);
        }
    }

    private static Update Message(int id, long chatId, string text = "/latest") =>
        new() { Id = id, Message = new Message { Id = id, Chat = new Chat { Id = chatId, Type = ChatType.Private }, Text = text, Date = DateTime.UtcNow } };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException();
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Chats_are_handled_side_by_side_and_each_chat_in_order_even_after_a_failure()
    {
        var options = Options.Create(new TelegramOptions { BotToken = "1:x", MaxConcurrentChats = 4 });
        var queue = new TelegramUpdateQueue(new MemoryUpdateInbox(), options, NullLogger<TelegramUpdateQueue>.Instance);
        var handler = new RecordingHandler();
        using var worker = new TelegramUpdateWorker(queue, handler, options, NullLogger<TelegramUpdateWorker>.Instance);
        await worker.StartAsync(default);

        await queue.TryEnqueueAsync(Message(1, RecordingHandler.Slow));
        await queue.TryEnqueueAsync(Message(2, RecordingHandler.Slow, "boom"));
        await queue.TryEnqueueAsync(Message(3, RecordingHandler.Slow));
        await queue.TryEnqueueAsync(Message(4, 2));
        await queue.TryEnqueueAsync(Message(5, 2));

        // The slow chat holds nobody else up…
        await WaitUntilAsync(() => handler.Handled.Count == 2);
        Assert.Equal([4, 5], handler.Handled);

        // …and its own updates follow in order, the failing one skipped.
        handler.Release.SetResult();
        await WaitUntilAsync(() => handler.Handled.Count == 4);
        Assert.Equal([4, 5, 1, 3], handler.Handled);
        await worker.StopAsync(default);
    }

    [Fact]
    public async Task An_update_is_completed_once_handled_or_failed_but_not_when_stopping_interrupts_it_and_is_handled_first_at_the_next_start()
    {
        var options = Options.Create(new TelegramOptions { BotToken = "1:x" });
        var inbox = new MemoryUpdateInbox();
        var queue = new TelegramUpdateQueue(inbox, options, NullLogger<TelegramUpdateQueue>.Instance);
        var handler = new RecordingHandler();
        using (var worker = new TelegramUpdateWorker(queue, handler, options, NullLogger<TelegramUpdateWorker>.Instance))
        {
            await worker.StartAsync(default);
            await queue.TryEnqueueAsync(Message(1, 2));
            await queue.TryEnqueueAsync(Message(2, 2, "boom"));
            await queue.TryEnqueueAsync(Message(3, RecordingHandler.Slow));
            await queue.TryEnqueueAsync(Message(4, RecordingHandler.Slow));
            await WaitUntilAsync(() => handler.Handled.Count == 1 && handler.Entered.Contains(3));
            await worker.StopAsync(default);
        }

        var next = new TelegramUpdateQueue(inbox, options, NullLogger<TelegramUpdateQueue>.Instance);
        var again = new RecordingHandler();
        again.Release.SetResult();
        using (var worker = new TelegramUpdateWorker(next, again, options, NullLogger<TelegramUpdateWorker>.Instance))
        {
            await worker.StartAsync(default);
            await next.TryEnqueueAsync(Message(5, RecordingHandler.Slow));
            await WaitUntilAsync(() => again.Handled.Count == 3);
            await worker.StopAsync(default);
        }

        Assert.Equal([1], handler.Handled);
        Assert.Equal([3, 4, 5], again.Handled);
    }

    [Fact]
    public async Task Stopping_cancels_what_is_in_flight_and_returns()
    {
        var options = Options.Create(new TelegramOptions { BotToken = "1:x" });
        var queue = new TelegramUpdateQueue(new MemoryUpdateInbox(), options, NullLogger<TelegramUpdateQueue>.Instance);
        var handler = new RecordingHandler();
        using var worker = new TelegramUpdateWorker(queue, handler, options, NullLogger<TelegramUpdateWorker>.Instance);
        await worker.StartAsync(default);
        await queue.TryEnqueueAsync(Message(1, RecordingHandler.Slow));
        // In flight: the handler has it (a stop before the worker even ran would prove nothing, and .NET cancels such a worker's task).
        await WaitUntilAsync(() => handler.Entered.Contains(1));

        await worker.StopAsync(default).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Empty(handler.Handled);
        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
    }
}
