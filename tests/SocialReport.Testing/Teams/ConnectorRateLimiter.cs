namespace SocialReport.Testing.Teams;

/// <summary>Arrival logs per conversation and per tenant, checked against <see cref="ConnectorRateLimits"/>. Thread-safe.</summary>
internal sealed class ConnectorRateLimiter
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ArrivalLog> conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ArrivalLog> tenants = new(StringComparer.Ordinal);
    private readonly List<LimitViolation> violations = [];

    public IReadOnlyList<LimitViolation> Violations
    {
        get { lock (gate) return [.. violations]; }
    }

    /// <summary>
    /// Counts one request arriving now, or records the limits it breaks. Returns the seconds to wait when it must be
    /// refused (only under <see cref="RateLimitMode.Enforce"/>), else null: a refused request is not counted.
    /// </summary>
    public int? Arrive(ConnectorRateLimits limits, string? conversationId, string tenantId, DateTimeOffset now)
    {
        if (limits.Mode == RateLimitMode.Off) return null;
        lock (gate)
        {
            var conversation = conversationId is null ? null : Log(conversations, conversationId);
            var tenant = Log(tenants, tenantId);
            var broken = new List<LimitViolation>();
            if (conversation is not null)
            {
                foreach (var (limit, retryAfter) in conversation.Broken(limits.PerConversation, now))
                    broken.Add(new LimitViolation(RateLimitKind.PerConversation, limit, conversationId!, conversationId, tenantId, now, retryAfter));
            }
            foreach (var (limit, retryAfter) in tenant.Broken(limits.PerTenant, now))
                broken.Add(new LimitViolation(RateLimitKind.PerTenant, limit, tenantId, conversationId, tenantId, now, retryAfter));
            violations.AddRange(broken);
            if (broken.Count > 0 && limits.Mode == RateLimitMode.Enforce)
                return broken.Max(v => v.RetryAfterSeconds);
            conversation?.Add(now, Longest(limits.PerConversation));
            tenant.Add(now, Longest(limits.PerTenant));
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
        private readonly List<DateTimeOffset> arrivals = [];

        public IEnumerable<(RateLimit Limit, int RetryAfter)> Broken(IReadOnlyList<RateLimit> limits, DateTimeOffset now)
        {
            foreach (var limit in limits)
            {
                // The window is (now - Window, now]: a request exactly one window old has left it.
                var inWindow = arrivals.Count - FirstAfter(now - limit.Window);
                if (inWindow < limit.Limit) continue;
                // The oldest requests leave first: one more fits once the limit-th newest has left.
                var freeAt = _arrivals[^limit.Limit] + limit.Window;
                yield return (limit, Math.Max(1, (int)Math.Ceiling((freeAt - now).TotalSeconds)));
            }
        }

        public void Add(DateTimeOffset now, TimeSpan keep)
        {
            arrivals.Add(arrivals.Count > 0 && arrivals[^1] > now ? arrivals[^1] : now);
            var expired = FirstAfter(now - keep);
            if (expired > 64 && expired > arrivals.Count / 2) arrivals.RemoveRange(0, expired);
        }

        private int FirstAfter(DateTimeOffset time)
        {
            int low = 0, high = arrivals.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (arrivals[middle] <= time) low = middle + 1;
                else high = middle;
            }
            return low;
        }
    }
}
