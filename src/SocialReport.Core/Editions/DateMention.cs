namespace SocialReport.Core.Editions;

/// <summary>A date written in a text. <see cref="Date"/> is null when the year is missing or the day does not exist.</summary>
internal sealed record DateMention(int Index, int Length, string Text, int Day, int Month, int? Year, DayOfWeek? Weekday)
{
    public DateOnly? Date => Year is { } year && Exists(year, Month, Day) ? new DateOnly(year, Month, Day) : null;

    /// <summary>A full date that no calendar has, such as 30 February.</summary>
    public bool DoesNotExist => Year is { } year && !Exists(year, Month, Day);

    /// <summary>"lundi 31 mars" has no year, but only a few recent years had a Monday 31 March: the latest one not after today.</summary>
    public DateOnly? ResolveYear(DateOnly today, int yearsBack = 12)
    {
        if (Date is { } date)
        {
            return date;
        }
        if (Year is not null || Weekday is not { } weekday)
        {
            return null;
        }
        for (var year = today.Year; year >= today.Year - yearsBack; year--)
        {
            if (Exists(year, Month, Day) && new DateOnly(year, Month, Day) is var candidate && candidate <= today && candidate.DayOfWeek == weekday)
            {
                return candidate;
            }
        }
        return null;
    }

    private static bool Exists(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
