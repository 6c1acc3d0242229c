namespace SocialReport.Core.Inbox;

/// <summary>The inbox without a store (an adapter run alone): it dedupes, but a crash loses what it holds.</summary>
public sealed class MemoryUpdateInbox(int remembered = IUpdateInbox.RememberedIds) : IUpdateInbox
{
    private readonly Dictionary<(string Source, string Id), Pending> _pending = [];
    private readonly HashSet<(string Source, string Id)> _completed = [];
    private readonly Queue<(string Source, string Id)> _completedOrder = new();
    private readonly Lock _gate = new();
    private long _sequence;

    public bool Add(string source, string id, string body)
    {
        if (body.Length > IUpdateInbox.MaxBodyChars) throw new ArgumentException($"An update over {IUpdateInbox.MaxBodyChars} characters is not kept.", nameof(body));
        lock (_gate)
        {
            if (_completed.Contains((source, id))) return false;
            return _pending.TryAdd((source, id), new Pending(++_sequence, body, 0));
        }
    }

    public void Complete(string source, string id)
    {
        lock (_gate)
        {
            _pending.Remove((source, id));
            if (!_completed.Add((source, id))) return;
            _completedOrder.Enqueue((source, id));
            if (_completedOrder.Count > remembered) _completed.Remove(_completedOrder.Dequeue());
        }
    }

    public void Remove(string source, string id)
    {
        lock (_gate) _pending.Remove((source, id));
    }

    public IReadOnlyList<InboxEntry> Replay(string source)
    {
        lock (_gate)
        {
            var entries = _pending.Where(p => p.Key.Source == source).OrderBy(p => p.Value.Sequence).ToList();
            foreach (var (key, pending) in entries) _pending[key] = pending with { Replays = pending.Replays + 1 };
            return [.. entries.Select(p => new InboxEntry(p.Key.Id, p.Value.Body, p.Value.Replays + 1))];
        }
    }

    private sealed record Pending(long Sequence, string Body, int Replays);
}
