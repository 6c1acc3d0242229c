using SocialReport.Core.Cards;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>Lets the core speak first in a chat of one channel: a status message sent once, then edited in place.</summary>
public interface IChatNotifier
{
    /// <summary><c>telegram</c>, <c>teams</c>, <c>console</c>…</summary>
    string Channel { get; }

    /// <summary>Sends a card; returns the platform's id of the message, for <see cref="EditAsync"/> (null when it cannot be edited).</summary>
    Task<string?> SendAsync(ChatKey chat, Card card, CancellationToken cancellationToken);

    /// <summary>Replaces a message sent by <see cref="SendAsync"/>.</summary>
    Task EditAsync(ChatKey chat, string messageId, Card card, CancellationToken cancellationToken);

    /// <summary>Sends a file (<c>/report</c>'s CSV); false when the channel cannot, and a download link is shown instead.</summary>
    Task<bool> SendFileAsync(ChatKey chat, string fileName, Stream content, string? caption, CancellationToken cancellationToken) => Task.FromResult(false);
}

/// <summary>Signed, time-limited download links of reports, served by the host; none when the host has no public address.</summary>
public interface IReportLinks
{
    Uri? CsvOf(string broadcastId);
}
