using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Tests.Delivery;

public class ChatBroadcastObserverTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    private static readonly Chat Editor = new()
    {
        Key = new ChatKey("telegram", "5001"),
        Kind = ChatKind.Private,
        Language = "fr",
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private static BroadcastProgress Progress(int sent) => new()
    {
        BroadcastId = "2020-03-06#1",
        EditionId = "2020-03-06",
        State = BroadcastState.Running,
        Counts = new DeliveryCounts(Pending: 100 - sent, Sent: sent, Failed: 0, Blocked: 0, Gone: 0, Skipped: 0),
    };

    [Fact]
    public async Task The_status_message_is_sent_once_then_edited_and_each_waits_for_the_channels_pacer()
    {
        var pacer = new ChannelPacer("telegram", new ChannelPacingOptions { MessagesPerSecond = 30, PerChat = "1/1s", Headroom = 1 }, new AdaptivePacingOptions(), _time);
        var notifier = new RecordingNotifier();
        var observer = new ChatBroadcastObserver(notifier, pacer, Editor);

        await observer.OnProgressAsync(Progress(10), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        // The chat's 1/1s window holds the first message: the edit waits for the pacer, as a broadcast's message would.
        var edit = observer.OnProgressAsync(Progress(40), CancellationToken.None);
        await Task.Delay(100);
        Assert.False(edit.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await edit.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["send", "edit m1"], notifier.Calls);
        Assert.Contains("40", notifier.Texts[1], StringComparison.Ordinal);
    }

    private sealed class RecordingNotifier : IChatNotifier
    {
        public List<string> Calls { get; } = [];
        public List<string> Texts { get; } = [];
        public string Channel => "telegram";

        public Task<string?> SendAsync(ChatKey chat, Card card, CancellationToken cancellationToken)
        {
            Calls.Add("send");
            Texts.Add(((NoticeCard)card).Text);
            return Task.FromResult<string?>("m1");
        }

        public Task EditAsync(ChatKey chat, string messageId, Card card, CancellationToken cancellationToken)
        {
            Calls.Add($"edit {messageId}");
            Texts.Add(((NoticeCard)card).Text);
            return Task.CompletedTask;
        }
    }
}
