using Microsoft.Extensions.Logging;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Delivery;

/// <summary>
/// Counts a tap (<c>/read</c> from a button) or an open (<c>/full</c>) of a story for the broadcast that brought it to the
/// chat: the latest broadcast of its edition with a Sent row for that chat. Other reads (from /latest, /archive) count nowhere.
/// </summary>
public sealed class StoryTaps(IDeliveryLedger ledger, ILogger<StoryTaps> logger, IStoryCounts? counts = null)
{
    private const int BroadcastsLookedAt = 20;

    public void Count(ChatKey chat, string editionId, int story, StoryAction action)
    {
        if (counts is null) return;
        try
        {
            var broadcast = ledger.History(BroadcastsLookedAt)
                .Where(broadcast => broadcast.EditionId == editionId)
                .FirstOrDefault(broadcast => ledger.Row(broadcast.Id, chat) is { State: DeliveryState.Sent });
            if (broadcast is not null) counts.Add(broadcast.Id, story, action);
        }
        catch (Exception e)
        {
            // A count lost is better than a reader without the story.
            logger.StoryCountFailed(e);
        }
    }
}
