using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialReport.Telegram.Updates;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace SocialReport.Telegram.Tests.Adapter;

public class TelegramUpdateWorkerTests
{
    /// <summary>Records what it handles; updates of chat <see cref="Slow"/> wait until released.</summary>
    sealed class RecordingHandler : ITelegramUpdateHandler
    {
        public const long Slow = 1;
        public readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly ConcurrentQueue<int> Handled = new();

        public async Task HandleAsync(Update update, CancellationToken cancellationToken)
        {
            if (update.Message!.Chat.Id == Slow) await Release.Task.WaitAsync(cancellationToken);
            if (update.Message.Text == "boom") throw new InvalidOperationException("a failing update");
            Handled.Enqueue(update.Id);
        }
    }

    static Update Message(int id, long chatId, string text = "/latest") =>
        new() { Id = id, Message = new Message { Id = id, Chat = new Chat { Id = chatId, Type = ChatType.Private }, Text = text, Date = DateTime.UtcNow } };

    static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
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
        var queue = new TelegramUpdateQueue(options);
        var handler = new RecordingHandler();
        using var worker = new TelegramUpdateWorker(queue, handler, options, NullLogger<TelegramUpdateWorker>.Instance);
        await worker.StartAsync(default);

        queue.TryEnqueue(Message(1, RecordingHandler.Slow));
        queue.TryEnqueue(Message(2, RecordingHandler.Slow, "boom"));
        queue.TryEnqueue(Message(3, RecordingHandler.Slow));
        queue.TryEnqueue(Message(4, 2));
        queue.TryEnqueue(Message(5, 2));

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
    public async Task Stopping_cancels_what_is_in_flight_and_returns()
    {
        var options = Options.Create(new TelegramOptions { BotToken = "1:x" });
        var queue = new TelegramUpdateQueue(options);
        var handler = new RecordingHandler();
        using var worker = new TelegramUpdateWorker(queue, handler, options, NullLogger<TelegramUpdateWorker>.Instance);
        await worker.StartAsync(default);
        queue.TryEnqueue(Message(1, RecordingHandler.Slow));
        await Task.Delay(50);

        await worker.StopAsync(default).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Empty(handler.Handled);
        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
    }
}
