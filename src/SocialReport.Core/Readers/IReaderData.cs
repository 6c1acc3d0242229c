namespace SocialReport.Core.Readers;

/// <summary>What the store keeps with a chat's id besides its record, and the erasure of all of it (<c>/mydata</c>, <c>/forget</c>).</summary>
public interface IReaderData
{
    /// <summary>Delivery rows that carry the chat's id.</summary>
    int Deliveries(ChatKey chat);

    /// <summary>
    /// Deletes, in one transaction, everything kept with the chat's id: its record (subscription, language, settings),
    /// a broadcast request waiting for its /confirm, and its id on broadcasts and schedules it asked for. Its delivery
    /// rows stay, as anonymous ones (a random id, no message id nor error), so that broadcast counts stay right; a
    /// pending one becomes Skipped. Returns false when nothing was kept.
    /// </summary>
    bool Erase(ChatKey chat);
}
