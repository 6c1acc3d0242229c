using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SocialReport.Core.Diagnostics;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Delivery;

/// <summary>
/// One send of an edition to a chat, as a span of its own under the broadcast's: what the sender throws becomes an
/// outcome (a network failure is transient, anything else a rejection), so that a broadcast never stops on one chat.
/// </summary>
internal static class EditionSend
{
    public static async Task<SendOutcome> SendAsync(ILogger logger, IEditionSender sender, Chat chat, Edition edition, DeliveryMode mode)
    {
        using var activity = SocialReportTracing.Source.StartActivity("broadcast.send");
        activity?.SetTag("socialreport.channel", sender.Channel).SetTag("socialreport.edition", edition.Id);
        var outcome = await CatchingAsync(logger, sender, chat, edition, mode).ConfigureAwait(false);
        activity?.SetTag("socialreport.outcome", outcome.GetType().Name);
        if (outcome is not SendOutcome.Sent) activity?.SetStatus(ActivityStatusCode.Error);
        return outcome;
    }

    private static async Task<SendOutcome> CatchingAsync(ILogger logger, IEditionSender sender, Chat chat, Edition edition, DeliveryMode mode)
    {
        try
        {
            return await sender.SendAsync(chat, edition, mode, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException or TaskCanceledException)
        {
            return new SendOutcome.Transient($"{e.GetType().Name}: {e.Message}");
        }
        catch (Exception e)
        {
            // A rendering bug: retrying would fail the same way. Failed and counted; the broadcast goes on.
            logger.EditionSendFailed(e, edition.Id, chat.Key);
            return new SendOutcome.Rejected($"{e.GetType().Name}: {e.Message}");
        }
    }
}
