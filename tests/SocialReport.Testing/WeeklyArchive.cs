using System.Globalization;
using SocialReport.Core.Editions;

namespace SocialReport.Testing;

/// <summary>An archive for benchmarks: one edition copied week after week, as the <c>bench</c> verb makes its own.</summary>
public static class WeeklyArchive
{
    /// <summary>
    /// <paramref name="edition"/> again for weeks <paramref name="firstWeek"/> to <paramref name="count"/> − 1 before it
    /// (week 0 is the edition's own date), each story's text marked with its week so that no two are alike.
    /// </summary>
    public static IEnumerable<Edition> Before(Edition edition, int count, int firstWeek = 0)
    {
        for (var week = firstWeek; week < count; week++)
        {
            var date = edition.Date.AddDays(-7 * week);
            var id = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return edition with
            {
                Id = id,
                Date = date,
                Stories = [.. edition.Stories.Select(s => s with { Id = $"{id}/{s.Number}", Text = s.Text + $"\n\nSemaine {week}." })],
            };
        }
    }
}
