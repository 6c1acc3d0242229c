namespace SocialReport.Core.Delivery;

/// <summary>TEMPORARY measurement of the pacer's losses (removed before the end).</summary>
public static class PacerProbe
{
    private static readonly Lock Gate = new();
    private static readonly List<double> WakeLateness = [], AnswerLateness = [];
    private static int _claimWakes, _claimFails, _deferredWakes, _stamped, _unstamped;
    private static double _spinMs;
    private static TimeSpan _gcAtReset;
    public static readonly double LeadMs = double.TryParse(Environment.GetEnvironmentVariable("PACER_LEAD_MS"), System.Globalization.CultureInfo.InvariantCulture, out var lead) ? lead : 3;
    public static readonly bool NoStamp = Environment.GetEnvironmentVariable("PACER_NOSTAMP") == "1";

    public static void Wake(TimeSpan late, bool granted)
    {
        lock (Gate) { WakeLateness.Add(late.TotalMilliseconds); _claimWakes++; if (!granted) _claimFails++; }
    }

    public static void Deferred() { lock (Gate) _deferredWakes++; }

    public static void Spun(TimeSpan spun) { lock (Gate) _spinMs += spun.TotalMilliseconds; }

    public static void Answer(TimeSpan? late)
    {
        lock (Gate)
        {
            if (late is { } l) { AnswerLateness.Add(l.TotalMilliseconds); _stamped++; } else _unstamped++;
        }
    }

    public static void Reset()
    {
        lock (Gate) { WakeLateness.Clear(); AnswerLateness.Clear(); _claimWakes = _claimFails = _deferredWakes = _stamped = _unstamped = 0; _spinMs = 0; _gcAtReset = GC.GetTotalPauseDuration(); }
    }

    public static string Summary()
    {
        lock (Gate)
        {
            return $"wakes {_claimWakes} (failed {_claimFails}), deferred wakes {_deferredWakes}, wake lateness {Stats(WakeLateness)}; spin total {_spinMs:F0} ms; "
                + $"GC pauses since reset {(GC.GetTotalPauseDuration() - _gcAtReset).TotalMilliseconds:F0} ms; lead {LeadMs} nostamp {NoStamp}; answers stamped {_stamped} unstamped {_unstamped}, stamp→settle {Stats(AnswerLateness)}";
        }
    }

    private static string Stats(List<double> values)
    {
        if (values.Count == 0) return "none";
        var sorted = values.Order().ToList();
        double P(double q) => sorted[(int)Math.Min(sorted.Count - 1, q * sorted.Count)];
        return $"mean {values.Average():F2} ms, p10 {P(0.1):F2}, p50 {P(0.5):F2}, p90 {P(0.9):F2}, p99 {P(0.99):F2}, max {sorted[^1]:F1}, sum {values.Sum():F0} ms";
    }
}
