namespace SocialReport.Core.Delivery;

/// <summary>
/// How much earlier than its answer an answered message may count in the windows: a share of the shortest recent round
/// trip (<see cref="ChannelPacingOptions.RoundTripCredit"/>).
/// <para>
/// The platform counts a message when it arrives. An answered message i arrived at the latest answer(i) − back(i), its
/// way back; a message j sent now arrives at the earliest now + out(j), its way there. So j arrives more than a window
/// after i whenever it leaves a window after answer(i) − c, for any credit c ≤ out(j) + back(i): the network's two legs
/// (the platform's own work before and after it counts a message included). Every round trip is such an out plus a back,
/// so the shortest of many round trips approaches the shortest two legs from above: by the platform's work and by the
/// chance that neither leg was at its floor on the same request. The share keeps a margin for that, and for a network
/// that became faster than the last minute's (the first faster answer lowers the credit at once).
/// </para>
/// <para>
/// The shortest of a few round trips says nothing of the floor (the first requests of a broadcast also open connections
/// and compile code, and take 100 ms where 5 will do later), so there is no credit before <see cref="Enough"/> answers.
/// The credit is at most the share of each message's own round trip, so a message never counts from before it left. A
/// send that fails before it leaves the host answers fast and only shrinks the credit; "recent" (this period and the
/// last) lets it grow back. It assumes legs that vary independently: on a network whose two legs trade off (a fast way
/// there always paired with a slow way back), set the share to 0, which counts from the answer whatever the network.
/// Not thread-safe: <see cref="ChannelPacer"/> locks.
/// </para>
/// </summary>
internal sealed class RoundTripCredit(double share)
{
    /// <summary>Answers (this period and the last) before the shortest of them is trusted: three seconds at 30/s.</summary>
    public const int Enough = 100;

    private static readonly TimeSpan Period = TimeSpan.FromSeconds(30);
    private TimeSpan _shortest = TimeSpan.MaxValue, _previousShortest = TimeSpan.MaxValue;
    private int _answers, _previousAnswers;
    private DateTimeOffset _periodEnd = DateTimeOffset.MinValue;

    /// <summary>Records a round trip (from the send to the answer) and returns the credit for the message it was.</summary>
    public TimeSpan Answered(TimeSpan roundTrip, DateTimeOffset now)
    {
        Roll(now);
        if (roundTrip < TimeSpan.Zero) roundTrip = TimeSpan.Zero;
        if (roundTrip < _shortest) _shortest = roundTrip;
        _answers++;
        return Current(now);
    }

    /// <summary>The credit now: zero until <see cref="Enough"/> answers, and after two periods without any.</summary>
    public TimeSpan Current(DateTimeOffset now)
    {
        Roll(now);
        if (_answers + _previousAnswers < Enough) return TimeSpan.Zero;
        return (_shortest < _previousShortest ? _shortest : _previousShortest) * share;
    }

    private void Roll(DateTimeOffset now)
    {
        if (now < _periodEnd) return;
        var recent = now < _periodEnd + Period;
        _previousShortest = recent ? _shortest : TimeSpan.MaxValue;
        _previousAnswers = recent ? _answers : 0;
        _shortest = TimeSpan.MaxValue;
        _answers = 0;
        _periodEnd = now + Period;
    }
}
