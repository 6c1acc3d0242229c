using Cronos;
using Microsoft.Extensions.Options;

namespace SocialReport.Core.Delivery;

/// <summary>Checks the <c>Delivery</c> section at start-up, so a bad setting stops the host with one clear line.</summary>
public sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var errors = new List<string>();
        if (options.MaxConcurrency is < 1 or > 256) errors.Add("Delivery:MaxConcurrency must be between 1 and 256.");
        if (options.BatchSize is < 1 or > 10_000) errors.Add("Delivery:BatchSize must be between 1 and 10000.");
        if (options.MaxAttempts is < 1 or > 100) errors.Add("Delivery:MaxAttempts must be between 1 and 100.");
        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
            errors.Add("Delivery:RetryBaseDelay must be positive and at most Delivery:RetryMaxDelay.");
        if (options.ProgressInterval <= TimeSpan.Zero) errors.Add("Delivery:ProgressInterval must be positive.");
        if (options.RateWindow <= TimeSpan.Zero) errors.Add("Delivery:RateWindow must be positive.");
        if (options.SchedulerInterval <= TimeSpan.Zero) errors.Add("Delivery:SchedulerInterval must be positive.");
        if (options.MissedScheduleGrace < TimeSpan.Zero) errors.Add("Delivery:MissedScheduleGrace must not be negative.");
        if (!string.IsNullOrWhiteSpace(options.Schedule) && !CronExpression.TryParse(options.Schedule, out _))
            errors.Add($"Delivery:Schedule '{options.Schedule}' is not a cron expression (minute hour day month weekday).");
        if (!ScheduleTime.TryFindZone(options.TimeZone, out _)) errors.Add($"Delivery:TimeZone '{options.TimeZone}' is not a known time zone.");
        if (options.RetentionDays is < 1 or > 3650) errors.Add("Delivery:RetentionDays must be between 1 and 3650.");
        foreach (var (section, pacing) in options.Channels) Check(errors, section, pacing);
        Check(errors, "Other", options.Other);
        var adaptive = options.Adaptive;
        if (adaptive.DecreaseFactor is <= 0 or > 1) errors.Add("Delivery:Adaptive:DecreaseFactor must be in (0, 1].");
        if (adaptive.MinimumFraction is <= 0 or > 1) errors.Add("Delivery:Adaptive:MinimumFraction must be in (0, 1].");
        if (adaptive.IncreaseFraction is <= 0 or > 1) errors.Add("Delivery:Adaptive:IncreaseFraction must be in (0, 1].");
        if (adaptive.QuietPeriod <= TimeSpan.Zero) errors.Add("Delivery:Adaptive:QuietPeriod must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, string section, ChannelPacingOptions pacing)
    {
        if (pacing.MessagesPerSecond <= 0)
            errors.Add($"Delivery:{section}:MessagesPerSecond must be positive.");
        if (pacing.Burst < 1) errors.Add($"Delivery:{section}:Burst must be at least 1.");
        if (pacing.Headroom is <= 0 or > 1) errors.Add($"Delivery:{section}:Headroom must be in (0, 1].");
        if (pacing.RoundTripCredit is < 0 or > 1 or double.NaN) errors.Add($"Delivery:{section}:RoundTripCredit must be in [0, 1].");
        foreach (var (key, value) in new[] { ("PerChat", pacing.PerChat), ("PerGroupChat", pacing.PerGroupChat), ("PerPacingGroup", pacing.PerPacingGroup) })
        {
            try { RateLimitSpec.ParseList(value); }
            catch (FormatException e) { errors.Add($"Delivery:{section}:{key}: {e.Message}"); }
        }
    }
}
