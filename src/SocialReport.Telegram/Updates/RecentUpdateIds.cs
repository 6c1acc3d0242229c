namespace SocialReport.Telegram.Updates;

/// <summary>The last <c>capacity</c> update ids seen, to drop Telegram's repeated webhook deliveries.</summary>
internal sealed class RecentUpdateIds(int capacity)
{
    private readonly HashSet<int> _ids = [];
    private readonly Queue<int> _order = new();
    private readonly Lock _gate = new();

    /// <summary>False when the id was seen recently.</summary>
    public bool Add(int id)
    {
        lock (_gate)
        {
            if (!_ids.Add(id)) return false;
            _order.Enqueue(id);
            if (_order.Count > capacity) _ids.Remove(_order.Dequeue());
            return true;
        }
    }

    /// <summary>Forgets an id whose update could not be taken, so that Telegram's next delivery of it is accepted.</summary>
    public void Remove(int id)
    {
        lock (_gate) _ids.Remove(id);
    }
}
