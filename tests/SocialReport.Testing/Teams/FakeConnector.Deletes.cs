using System.Collections.Concurrent;

namespace SocialReport.Testing.Teams;

// DELETE /v3/conversations/{id}/activities/{activityId}: an activity the bot posted is deleted once; any other is not found.
public sealed partial class FakeConnector
{
    private readonly ConcurrentDictionary<string, string> _posted = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DeletedActivity> _deleted = new();

    /// <summary>Every activity the bot deleted, in order.</summary>
    public IReadOnlyList<DeletedActivity> DeletedActivities => [.. _deleted];

    /// <summary>Whether an activity the bot posted is still there.</summary>
    public bool IsPosted(string activityId) => _posted.ContainsKey(activityId);

    private void Posted(string activityId, ConnectorCall call) => _posted[activityId] = call.ConversationId ?? "";

    /// <summary>The activity is deleted from its conversation, or from a thread of it (a channel's "19:…;messageid=…").</summary>
    private bool TryDelete(string conversationId, string activityId)
    {
        if (!_posted.TryGetValue(activityId, out var posted)) return false;
        var thread = conversationId.IndexOf(";messageid=", StringComparison.Ordinal);
        if (posted != conversationId && (thread < 0 || posted != conversationId[..thread])) return false;
        if (!_posted.TryRemove(activityId, out _)) return false;
        _deleted.Enqueue(new DeletedActivity(conversationId, activityId, _time.GetUtcNow()));
        CheckWaiters();
        return true;
    }
}

public sealed record DeletedActivity(string ConversationId, string ActivityId, DateTimeOffset At);
