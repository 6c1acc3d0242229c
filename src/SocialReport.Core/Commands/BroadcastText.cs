using System.Globalization;
using System.Text;
using SocialReport.Core.Delivery;

namespace SocialReport.Core.Commands;

/// <summary>Broadcast plans and progress written out for editors.</summary>
internal static class BroadcastText
{
    public static string Plan(Phrases say, string date, BroadcastPlan plan)
    {
        var text = new StringBuilder(say.Format(say.BroadcastPlan, date, plan.ToSend, Duration(plan.EstimatedDuration)));
        foreach (var channel in plan.Channels)
            text.Append("\n\n").Append(say.Format(say.BroadcastAudience, channel.Channel, channel.Private, channel.Groups, channel.Channels, channel.AlreadyServed, channel.ToSend));
        foreach (var off in plan.ChannelsOff)
            text.Append("\n\n").Append(say.Format(say.BroadcastChannelOff, off.Channel, off.Subscribers));
        if (plan.Force) text.Append("\n\n").Append(say.BroadcastForced);
        text.Append("\n\n").Append(say.BroadcastConfirm);
        return text.ToString();
    }

    public static string Progress(Phrases say, BroadcastProgress progress)
    {
        var state = progress.State switch
        {
            BroadcastState.Completed => say.BroadcastCompleted,
            BroadcastState.Cancelled => say.BroadcastCancelled,
            _ => say.BroadcastRunning,
        };
        var text = new StringBuilder(say.Format(state, progress.BroadcastId));
        text.Append('\n').Append(say.Format(say.BroadcastCounts, progress.Sent, progress.Failed, progress.Blocked + progress.Gone, progress.Remaining,
            progress.Rate.ToString("0.0", CultureInfo.InvariantCulture), Duration(progress.Elapsed)));
        if (progress.Skipped > 0) text.Append(' ').Append(say.Format(say.BroadcastSkipped, progress.Skipped));
        if (progress.Eta is { } eta) text.Append(' ').Append(say.Format(say.BroadcastEta, Duration(eta)));
        return text.ToString();
    }

    public static string Duration(TimeSpan duration) => duration.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours} h {duration.Minutes:00} min")
        : duration.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes} min {duration.Seconds:00} s")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(duration.TotalSeconds)} s");
}
