namespace SocialReport.Core.Delivery;

/// <summary>Configuration section <c>Delivery</c>: how broadcasts are sent, paced, retried and scheduled.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>One message per subscriber (<c>Edition</c>) or the cover and one message per story (<c>Cards</c>).</summary>
    public DeliveryMode Mode { get; init; } = DeliveryMode.Edition;

    /// <summary>
    /// Sends in flight at once on one channel, whatever the number of broadcasts running (they share the limit). It is
    /// also the bound on duplicates after a crash: a row becomes Sent only once the platform confirmed it, so a kill can
    /// only leave unrecorded the deliveries in flight at that moment, which are sent again at resume: at most
    /// <c>MaxConcurrency</c> duplicate deliveries per channel.
    /// </summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Rows read from the ledger at a time.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Attempts before a transient failure becomes Failed.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often observers (the status message) hear of a running broadcast.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The window the current rate is measured over.</summary>
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>A weekly (or any) cron broadcasting the latest edition, e.g. <c>0 9 * * FRI</c>; none when empty.</summary>
    public string? Schedule { get; init; }

    /// <summary>The IANA time zone <see cref="Schedule"/> is read in, and readers' quiet hours until they choose one (<c>/timezone</c>).</summary>
    public string TimeZone { get; init; } = "Europe/Paris";

    /// <summary>A schedule missed while the host was down still runs when it is back within this delay, else it is skipped.</summary>
    public TimeSpan MissedScheduleGrace { get; init; } = TimeSpan.FromHours(6);

    /// <summary>How often the scheduler looks for due schedules.</summary>
    public TimeSpan SchedulerInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The pacing of each channel that registered one (<see cref="ChannelServices.AddChannel"/>), by the
    /// section its settings are under (<c>Delivery:{section}</c>); keys ignore case, so a channel's name finds it.
    /// </summary>
    public Dictionary<string, ChannelPacingOptions> Channels { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Any channel that registered no pacing of its own.</summary>
    public ChannelPacingOptions Other { get; init; } = new() { MessagesPerSecond = 10, PerChat = "1/1s" };

    public AdaptivePacingOptions Adaptive { get; init; } = new();

    /// <summary>Delivery rows (which chat got which broadcast) are deleted this many days after their broadcast finished; its counts stay.</summary>
    public int RetentionDays { get; init; } = 90;

    public ChannelPacingOptions ForChannel(string channel) => Channels.GetValueOrDefault(channel) ?? Other;
}

/// <summary>What a "too many requests" answer pauses for its retry-after delay.</summary>
public enum ThrottleScope
{
    Chat,
    /// <summary>Every chat of the same pacing group (a Teams tenant), or the chat when it has none.</summary>
    Group,
    /// <summary>The whole bot on that channel: Telegram's flood wait during a broadcast is bot-wide.</summary>
    Channel,
}

/// <summary>The limits of one platform. Limit lists read <c>permits/window</c>, comma separated: <c>7/1s,60/30s,1800/1h</c>.</summary>
public sealed class ChannelPacingOptions
{
    /// <summary>Messages per second for the whole bot; the adaptive pace never goes above it.</summary>
    public double MessagesPerSecond { get; set; } = 30;

    /// <summary>Messages the bot may send at once before the rate applies; 1 spreads them evenly.</summary>
    public int Burst { get; set; } = 1;

    /// <summary>Limits for each chat.</summary>
    public string PerChat { get; set; } = "";

    /// <summary>Further limits for groups and channels (Telegram: 20 per minute).</summary>
    public string PerGroupChat { get; set; } = "";

    /// <summary>Limits shared by the chats of one pacing group (Teams: the tenant).</summary>
    public string PerPacingGroup { get; set; } = "";

    public ThrottleScope RetryAfterPauses { get; set; } = ThrottleScope.Chat;

    /// <summary>
    /// The fraction of the bot-wide figure the pace (the token bucket) uses; below 1 for a platform whose figure is only
    /// approximate. At 1 the windows (bot-wide, per chat, per group) bind, and they are exact: each counts a message from
    /// its send until a whole window after its answer (less <see cref="RoundTripCredit"/>), which no arrival at the
    /// platform can beat, so they already keep the round trip's jitter as a margin.
    /// </summary>
    public double Headroom { get; set; } = 1;

    /// <summary>
    /// The share (0 to 1) of the shortest recent round trip by which an answered message counts earlier than its answer in
    /// the windows: the network's way there and way back, which no two arrivals can be closer than. 0 counts from the
    /// answer whatever the network. A half assumes the shortest round trip is at most twice the two shortest legs: on
    /// the fake Bot API (5–60 ms on the way there) it is 5.5 ms over legs of at least 4 ms (its timers may fire a
    /// millisecond early), where 0.8 would leave next to no margin. See <see cref="Delivery.RoundTripCredit"/>.
    /// </summary>
    public double RoundTripCredit { get; set; } = 0.5;
}

/// <summary>How the bot-wide pace of a channel reacts to "too many requests".</summary>
public sealed class AdaptivePacingOptions
{
    /// <summary>The pace is multiplied by this after a 429.</summary>
    public double DecreaseFactor { get; init; } = 0.8;

    /// <summary>The pace never drops below this fraction of the configured one.</summary>
    public double MinimumFraction { get; init; } = 0.1;

    /// <summary>Several 429s within this delay (answers to sends already in flight) lower the pace once.</summary>
    public TimeSpan DecreaseCooldown { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Time without 429 before each step back up.</summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Each step back up adds this fraction of the configured pace.</summary>
    public double IncreaseFraction { get; init; } = 0.1;
}
