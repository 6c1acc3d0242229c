namespace SocialReport.Testing.Teams;

/// <summary>Arrival logs per conversation and per tenant, checked against <see cref="ConnectorRateLimits"/>. Thread-safe.</summary>
internal sealed class ConnectorRateLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ArrivalLog> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ArrivalLog> _tenants = new(StringComparer.Ordinal);
    private readonly List<LimitViolation> _violations = [];

    public IReadOnlyList<LimitViolation> Violations
    {
        get { lock (_gate) return [.. _violations]; }
    }

    /// <summary>
    /// Counts one request arriving now, or records the limits it breaks. Returns the seconds to wait when it must be
    /// refused (only under <see cref="RateLimitMode.Enforce"/>), else null: a refused request is not counted. The moment
    /// it was counted at (<paramref name="countedAt"/>) is read under the lock, so that the counts go in time order.
    /// </summary>
    public int? Arrive(ConnectorRateLimits limits, string? conversationId, string tenantId, TimeProvider time, out DateTimeOffset? countedAt)
    {
        countedAt = null;
        if (limits.Mode == RateLimitMode.Off) return null;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var conversation = conversationId is null ? null : Log(_conversations, conversationId);
            var tenant = Log(_tenants, tenantId);
            var broken = new List<LimitViolation>();
            if (conversation is not null)
            {
                foreach (var (limit, retryAfter) in conversation.Broken(limits.PerConversation, now))
                    broken.Add(new LimitViolation(RateLimitKind.PerConversation, limit, conversationId!, conversationId, tenantId, now, retryAfter));
            }
            foreach (var (limit, retryAfter) in tenant.Broken(limits.PerTenant, now))
                broken.Add(new LimitViolation(RateLimitKind.PerTenant, limit, tenantId, conversationId, tenantId, now, retryAfter));
            _violations.AddRange(broken);
            if (broken.Count > 0 && limits.Mode == RateLimitMode.Enforce)
                return broken.Max(v => v.RetryAfterSeconds);
            conversation?.Add(now, Longest(limits.PerConversation));
            tenant.Add(now, Longest(limits.PerTenant));
            countedAt = now;
            return null;
        }
    }

    private static ArrivalLog Log(Dictionary<string, ArrivalLog> logs, string key)
    {
        if (!logs.TryGetValue(key, out var log)) logs[key] = log = new ArrivalLog();
        return log;
    }

    private static TimeSpan Longest(IReadOnlyList<RateLimit> limits) => limits.Count == 0 ? TimeSpan.Zero : limits.Max(l => l.Window);

    /// <summary>When the requests of one conversation or tenant arrived, oldest first, kept for the longest window.</summary>
    private sealed class ArrivalLog
    {
        private readonly List<DateTimeOffset> _arrivals = [];

        public IEnumerable<(RateLimit Limit, int RetryAfter)> Broken(IReadOnlyList<RateLimit> limits, DateTimeOffset now)
        {
            foreach (var limit in limits)
            {
                // The window is (now - Window, now]: a request exactly one window old has left it.
                var inWindow = _arrivals.Count - FirstAfter(now - limit.Window);
                if (inWindow < limit.Limit) continue;
                // The oldest requests leave first: one more fits once the limit-th newest has left.
                var freeAt = _arrivals[^limit.Limit] + limit.Window;
                yield return (limit, Math.Max(1, (int)Math.Ceiling((freeAt - now).TotalSeconds)));
            }
        }

        public void Add(DateTimeOffset now, TimeSpan keep)
        {
            _arrivals.Add(_arrivals.Count > 0 && _arrivals[^1] > now ? _arrivals[^1] : now);
            var expired = FirstAfter(now - keep);
            if (expired > 64 && expired > _arrivals.Count / 2) _arrivals.RemoveRange(0, expired);
        }

        private int FirstAfter(DateTimeOffset time)
        {
            int low = 0, high = _arrivals.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (_arrivals[middle] <= time) low = middle + 1;
                else high = middle;
            }
            return low;
        }
    }
}
