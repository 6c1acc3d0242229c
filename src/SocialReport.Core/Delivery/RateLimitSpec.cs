using System.Globalization;

namespace SocialReport.Core.Delivery;

/// <summary>At most <see cref="Permits"/> messages per <see cref="Window"/>, written <c>7/1s</c>, <c>20/1m</c>, <c>1800/1h</c>.</summary>
public readonly record struct RateLimitSpec(int Permits, TimeSpan Window)
{
    public double PerSecond => Permits / Window.TotalSeconds;

    /// <summary>A comma separated list; empty text is no limit.</summary>
    public static IReadOnlyList<RateLimitSpec> ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToList();
    }

    public static RateLimitSpec Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0
            || !int.TryParse(text.AsSpan(0, slash).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var permits)
            || permits <= 0
            || ParseWindow(text[(slash + 1)..].Trim()) is not { } window)
            throw new FormatException($"'{text}' is not a limit like 7/1s, 20/1m or 1800/1h.");
        return new RateLimitSpec(permits, window);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Permits}/{Window.TotalSeconds}s");

    private static TimeSpan? ParseWindow(string text)
    {
        var (digits, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.Length > 1 ? (text[..^1], text[^1] switch { 's' => 1.0, 'm' => 60.0, 'h' => 3600.0, _ => 0.0 })
            : (text, 0.0);
        if (unit == 0 || !double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            return null;
        return TimeSpan.FromSeconds(amount * unit);
    }
}
