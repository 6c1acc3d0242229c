using SocialReport.Core.Editions;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Delivery;

/// <summary>How a broadcast reaches one chat: the cover/pager (one message), or the cover and one message per story.</summary>
public enum DeliveryMode { Edition, Cards }

/// <summary>Sends an edition to one chat of its channel; implemented by each channel adapter.</summary>
public interface IEditionSender
{
    /// <summary><c>telegram</c>, <c>teams</c>…</summary>
    string Channel { get; }

    /// <summary>
    /// False while the channel's adapter is off (not configured): broadcasts leave its subscribers out, and a broadcast
    /// resumed with rows of it skips them rather than failing them.
    /// </summary>
    bool IsEnabled => true;

    Task<SendOutcome> SendAsync(Chat chat, Edition edition, DeliveryMode mode, CancellationToken cancellationToken);

    /// <summary>
    /// How many platform messages one <see cref="SendAsync"/> sends. The pacer charges that many permits before the
    /// call (to the bot-wide, group and chat limits), so the messages of one delivery go back to back and the next
    /// send waits for them: the cover alone, or in <see cref="DeliveryMode.Cards"/> the cover and one per story.
    /// </summary>
    int MessageCount(Edition edition, DeliveryMode mode) => mode == DeliveryMode.Cards ? 1 + edition.Stories.Count : 1;

    /// <summary>Chats that share a platform quota besides the bot-wide one, e.g. the Teams tenant of the conversation; null when none.</summary>
    string? PacingGroup(Chat chat) => null;

    /// <summary>How long after sending the platform lets the bot delete a message (Telegram: 48 hours); null when it sets no limit.</summary>
    TimeSpan? DeleteWindow => null;

    /// <summary>Deletes one message the bot sent (<c>/recall</c>); a channel that cannot delete refuses.</summary>
    Task<DeleteOutcome> DeleteAsync(Chat chat, string messageId, CancellationToken cancellationToken) =>
        Task.FromResult<DeleteOutcome>(new DeleteOutcome.Refused(RecallState.Failed, $"{Channel} cannot delete messages"));
}
