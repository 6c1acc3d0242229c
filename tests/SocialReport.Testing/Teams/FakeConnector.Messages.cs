using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace SocialReport.Testing.Teams;

/// <summary>The messages the bot posts: rate limits, gone recipients, injected faults, and what was delivered where.</summary>
public sealed partial class FakeConnector
{
    private readonly ConnectorRateLimiter _limiter = new();
    private readonly ConcurrentDictionary<string, string> _tenantsOfConversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RecipientGone> _gone = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _conversationFaults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RecordedRequest>> _delivered = new(StringComparer.Ordinal);
    private readonly Lock _randomGate = new();
    private Random _random = new(1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new(StringComparer.Ordinal);
    private readonly Lock _waitersGate = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private int _tooManyRequests;
    private int _faultsInjected;

    /// <summary>Teams' limits by default; they can be changed at any time (e.g. off while the test installs its readers).</summary>
    public ConnectorRateLimits RateLimits { get; set; } = ConnectorRateLimits.Teams;

    /// <summary>Faults drawn at random for every message posted from now on; null for none.</summary>
    public RandomFaults? RandomFaults
    {
        get;
        set
        {
            lock (_randomGate)
            {
                field = value;
                _random = new Random(value?.Seed ?? 1);
            }
        }
    }

    /// <summary>The tenant of conversations the fake was not told about and whose requests name none.</summary>
    public string DefaultTenantId { get; set; } = TestIds.TenantId;

    /// <summary>Keeps each request's body (<see cref="RecordedRequest.Body"/>); off in benchmarks, where bodies would fill memory.</summary>
    public bool KeepBodies { get; set; } = true;

    /// <summary>429 answers returned: over a rate limit, injected or random.</summary>
    public int TooManyRequestsReturned => Volatile.Read(ref _tooManyRequests);

    /// <summary>Answers that were a queued, targeted or random fault rather than the service's own.</summary>
    public int FaultsInjected => Volatile.Read(ref _faultsInjected);

    /// <summary>Requests that arrived over a rate limit, whether refused (<see cref="RateLimitMode.Enforce"/>) or not.</summary>
    public IReadOnlyList<LimitViolation> LimitViolations => _limiter.Violations;

    /// <summary>The conversations that received at least one message.</summary>
    public IReadOnlyCollection<string> ConversationsReached => [.. _delivered.Where(pair => !pair.Value.IsEmpty).Select(pair => pair.Key)];

    /// <summary>
    /// The conversation belongs to this tenant, as the real service knows (the bot's proactive messages don't say it).
    /// A channel's tenant covers the threads in it.
    /// </summary>
    public void AddConversation(string conversationId, string tenantId) => _tenantsOfConversations[conversationId] = tenantId;

    /// <summary>Every message to the conversation from now on is refused as <paramref name="how"/> says, never delivered.</summary>
    public void MakeGone(string conversationId, RecipientGone how) => _gone[conversationId] = how;

    /// <summary>The next message posted to <paramref name="conversationId"/> gets this answer instead (<see cref="Fault.Pass"/>: its own).</summary>
    public void FailNext(Fault fault, string conversationId) =>
        _conversationFaults.GetOrAdd(conversationId, _ => new ConcurrentQueue<Fault>()).Enqueue(fault);

    /// <summary>
    /// The messages delivered in a conversation (posts and replies; for a new channel thread, its channel), in order of
    /// arrival. Refused ones are not there.
    /// </summary>
    public IReadOnlyList<RecordedRequest> DeliveredTo(string conversationId) =>
        _delivered.TryGetValue(conversationId, out var messages) ? [.. messages] : [];

    /// <summary>Messages to the conversation get no answer until <see cref="Release"/>: a delivery that takes its time.</summary>
    public void Hold(string conversationId) => _held[conversationId] = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Answers the held messages to the conversation, and those that come after.</summary>
    public void Release(string conversationId)
    {
        if (_held.TryRemove(conversationId, out var gate)) gate.TrySetResult();
    }

    /// <summary>Completes once <paramref name="condition"/> holds, checked now and as each connector request arrives and once it is answered.</summary>
    public Task UntilAsync(Func<bool> condition)
    {
        lock (_waitersGate)
        {
            if (condition()) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, done));
            return done.Task;
        }
    }

    private void CheckWaiters()
    {
        lock (_waitersGate)
        {
            foreach (var waiter in _waiters.Where(waiter => waiter.Condition()).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    private Task HeldAsync(ConnectorCall call) =>
        call.ConversationId is { } id && _held.TryGetValue(id, out var gate) ? gate.Task : Task.CompletedTask;

    /// <summary>Forgets what was delivered so far (e.g. the welcome messages of installs).</summary>
    public void ClearDelivered() => _delivered.Clear();

    /// <summary>The answer replacing the service's own for this call, in the order the service would give it; null to serve it.</summary>
    private Fault? Refusal(ConnectorCall call, RecordedRequest recorded)
    {
        var tenant = TenantOf(call);
        var conversation = call.IsMessage ? call.ConversationId : null;
        var retryAfter = _limiter.Arrive(RateLimits, conversation, tenant, _time, out var countedAt);
        recorded.CountedAt = countedAt;
        if (retryAfter is { } seconds)
        {
            return new Fault(429, "Throttled", seconds.ToString(CultureInfo.InvariantCulture))
            {
                Message = $"Too many requests for {(conversation is null ? "tenant " + tenant : "conversation " + conversation)}; retry after {retryAfter} s.",
            };
        }
        if (Injected(conversation) is { } fault)
        {
            Interlocked.Increment(ref _faultsInjected);
            return fault;
        }
        if (conversation is not null && _gone.TryGetValue(conversation, out var how))
        {
            return how == RecipientGone.Blocked
                ? new Fault(403, "MessageWritesBlocked") { Message = "Thread is blocked by the user." }
                : new Fault(404, "ConversationNotFound") { Message = "Conversation not found." };
        }
        return null;
    }

    private Fault? Injected(string? conversation)
    {
        if (_faults.TryDequeue(out var queued) && queued != Fault.Pass)
            return queued;
        if (conversation is null)
            return null;
        if (_conversationFaults.TryGetValue(conversation, out var targeted) && targeted.TryDequeue(out var next))
            return next == Fault.Pass ? null : next;
        lock (_randomGate)
            return RandomFaults?.Draw(_random);
    }

    private string TenantOf(ConnectorCall call)
    {
        if (call.ConversationId is { } id)
        {
            if (_tenantsOfConversations.TryGetValue(id, out var known)) return known;
            var thread = id.IndexOf(";messageid=", StringComparison.Ordinal);
            if (thread > 0 && _tenantsOfConversations.TryGetValue(id[..thread], out var ofChannel)) return ofChannel;
        }
        return call.TenantId ?? DefaultTenantId;
    }

    private void Deliver(ConnectorCall call, RecordedRequest request)
    {
        if (call.ConversationId is { } id)
            _delivered.GetOrAdd(id, _ => new ConcurrentQueue<RecordedRequest>()).Enqueue(request);
    }

    /// <summary>
    /// What a connector request is about. A message is a post, reply or update in a conversation, or a new thread in a
    /// channel (counted in the channel); the tenant is the one the request names, if any.
    /// </summary>
    private sealed record ConnectorCall(bool IsMessage, string? ConversationId, string? TenantId)
    {
        public static ConnectorCall Of(string method, string[] segments, JsonObject? body) => (method, segments) switch
        {
            ("POST", ["conversations"]) => new(true, Text(body?["channelData"]?["channel"]?["id"]),
                Text(body?["channelData"]?["tenant"]?["id"]) ?? Text(body?["tenantId"])),
            ("POST" or "PUT" or "DELETE", ["conversations", var id, "activities", ..]) => new(true, id,
                Text(body?["channelData"]?["tenant"]?["id"]) ?? Text(body?["conversation"]?["tenantId"])),
            _ => new(false, null, null),
        };

        private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }
}
