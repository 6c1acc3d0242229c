namespace SocialReport.Core.Delivery;

/// <summary>What a platform said about deleting one message, mapped once by the channel adapter.</summary>
public abstract record DeleteOutcome
{
    private DeleteOutcome() { }

    public sealed record Deleted : DeleteOutcome;

    /// <summary>Not deleted, for good: <paramref name="State"/> says why (too old, not found, forbidden).</summary>
    public sealed record Refused(RecallState State, string Reason) : DeleteOutcome;

    /// <summary>Flood control: wait, then try again.</summary>
    public sealed record RetryAfter(TimeSpan Delay) : DeleteOutcome;

    /// <summary>A passing fault: try again a few times.</summary>
    public sealed record Transient(string Reason) : DeleteOutcome;
}
