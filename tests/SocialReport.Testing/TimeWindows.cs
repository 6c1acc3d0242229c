namespace SocialReport.Testing;

/// <summary>Counting moments as a rate limit counts them.</summary>
public static class TimeWindows
{
    /// <summary>The most of <paramref name="times"/> that fall in any one sliding window of <paramref name="window"/>.</summary>
    public static int MostInAnyWindow(IEnumerable<DateTimeOffset> times, TimeSpan window)
    {
        var sorted = times.Order().ToList();
        var most = 0;
        for (int start = 0, end = 0; start < sorted.Count; start++)
        {
            while (end < sorted.Count && sorted[end] - sorted[start] < window) end++;
            most = Math.Max(most, end - start);
        }
        return most;
    }
}
