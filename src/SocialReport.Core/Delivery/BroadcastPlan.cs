namespace SocialReport.Core.Delivery;

/// <summary>What a broadcast would do, shown before an editor confirms it.</summary>
public sealed record BroadcastPlan(string EditionId, bool Force, IReadOnlyList<ChannelAudience> Channels, TimeSpan EstimatedDuration, BroadcastRecord? Running)
{
    public int ToSend => Channels.Sum(channel => channel.ToSend);

    /// <summary>Channels whose adapter is off and that have active subscribers: this broadcast leaves them out.</summary>
    public IReadOnlyList<ChannelOff> ChannelsOff { get; init; } = [];
}

/// <summary>A channel whose adapter is off, and its active subscribers a broadcast cannot reach now.</summary>
public sealed record ChannelOff(string Channel, int Subscribers);

/// <summary>Active subscribers of one channel by kind of chat, and how many of them would get the edition now.</summary>
public sealed record ChannelAudience(string Channel, int Private, int Groups, int Channels, int AlreadyServed, int ToSend)
{
    public int Subscribers => Private + Groups + Channels;

    /// <summary>Chats that want only the editions about their topics, and get this one (it has stories about them).</summary>
    public int ByTopics { get; init; }

    /// <summary>Chats that want only the editions about their topics and get nothing of this one: left out of <see cref="ToSend"/>.</summary>
    public int TopicsSkipped { get; init; }

    /// <summary>Chats that get every edition whole (their followed stories first).</summary>
    public int WholeEdition => Math.Max(0, Subscribers - ByTopics - TopicsSkipped);
}

/// <summary>The broadcast a request started, or the one of the same edition that was already running.</summary>
public sealed record BroadcastStart(BroadcastRecord Broadcast, bool AlreadyRunning);
