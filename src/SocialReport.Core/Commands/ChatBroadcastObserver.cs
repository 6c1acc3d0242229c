using SocialReport.Core.Cards;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>
/// Shows a broadcast's progress in the chat that confirmed it: one status message, edited as it goes, then the summary.
/// A channel that cannot edit (the console: no message id) gets each progress as a new line. Each message or edit waits
/// for its channel's pacer, as the broadcast's own messages do.
/// </summary>
internal sealed class ChatBroadcastObserver(IChatNotifier notifier, ChannelPacer pacer, Chat chat) : IBroadcastObserver
{
    private string? _messageId;

    public Task OnProgressAsync(BroadcastProgress progress, CancellationToken cancellationToken) => ShowAsync(progress, cancellationToken);

    public Task OnFinishedAsync(BroadcastProgress summary, CancellationToken cancellationToken) => ShowAsync(summary, cancellationToken);

    private async Task ShowAsync(BroadcastProgress progress, CancellationToken cancellationToken)
    {
        var card = new NoticeCard { Language = chat.Language, Text = BroadcastText.Progress(Phrases.For(chat.Language), progress) };
        using var permit = await pacer.AcquireAsync(chat, group: null, messages: 1, cancellationToken).ConfigureAwait(false);
        // The runner calls its observers one progress at a time, so no lock.
        if (_messageId is not null) await notifier.EditAsync(chat.Key, _messageId, card, cancellationToken).ConfigureAwait(false);
        else _messageId = await notifier.SendAsync(chat.Key, card, cancellationToken).ConfigureAwait(false);
    }
}
