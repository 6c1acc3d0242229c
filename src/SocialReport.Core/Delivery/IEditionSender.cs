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

    Task<SendOutcome> SendAsync(Chat chat, Edition edition, DeliveryMode mode, CancellationToken cancellationToken);
}
