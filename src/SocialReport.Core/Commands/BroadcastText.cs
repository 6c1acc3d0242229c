using System.Globalization;
using System.Text;
using SocialReport.Core.Delivery;

namespace SocialReport.Core.Commands;

/// <summary>Broadcast plans and progress written out for editors.</summary>
internal static class BroadcastText
{
    /// <param name="confirm">How to confirm it; null: the chat's /confirm.</param>
    public static string Plan(Phrases say, string date, BroadcastPlan plan, string? confirm = null)
    {
        var text = new StringBuilder(say.Format(say.BroadcastPlan, date, say.Count(plan.ToSend, say.Sends), Duration(plan.EstimatedDuration)));
        foreach (var channel in plan.Channels)
        {
            text.Append("\n\n").Append(say.Format(say.BroadcastAudience, channel.Channel, say.Count(channel.Private, say.PrivateChats),
                say.Count(channel.Groups, say.Groups), say.Count(channel.Channels, say.Channels),
                say.Count(channel.AlreadyServed, say.AlreadyServed), say.Count(channel.ToSend, say.ToSend)));
            if (channel.ByTopics + channel.TopicsSkipped > 0)
            {
                text.Append('\n').Append(say.Format(say.BroadcastTopics, channel.Channel, say.Count(channel.WholeEdition, say.SubscribedChats),
                    say.Count(channel.ByTopics, say.SubscribedChats), say.Count(channel.TopicsSkipped, say.SubscribedChats)));
            }
        }
        AppendChannelsOff(text, say, plan);
        if (plan.Force) text.Append("\n\n").Append(say.BroadcastForced);
        text.Append("\n\n").Append(confirm ?? say.BroadcastConfirm);
        return text.ToString();
    }

    /// <summary>Why a plan has nothing to send: nobody subscribed, or everyone already served (then <c>force</c> helps).</summary>
    public static string Nobody(Phrases say, string date, BroadcastPlan plan)
    {
        var served = plan.Channels.Sum(channel => channel.AlreadyServed);
        var text = new StringBuilder(served == 0
            ? say.Format(say.BroadcastNobody, date)
            : say.Format(say.BroadcastAllServed, date, say.Count(served, say.AlreadyServed), plan.EditionId));
        AppendChannelsOff(text, say, plan);
        return text.ToString();
    }

    private static void AppendChannelsOff(StringBuilder text, Phrases say, BroadcastPlan plan)
    {
        foreach (var off in plan.ChannelsOff)
            text.Append("\n\n").Append(say.Format(say.BroadcastChannelOff, off.Channel, say.Count(off.Subscribers, say.SubscribedChats)));
    }

    public static string Progress(Phrases say, BroadcastProgress progress)
    {
        var state = progress.State switch
        {
            BroadcastState.Completed => say.BroadcastCompleted,
            BroadcastState.Cancelled => say.BroadcastCancelled,
            BroadcastState.CanaryDone => say.CanaryDone,
            _ => say.BroadcastRunning,
        };
        var text = new StringBuilder(say.Format(state, progress.BroadcastId));
        text.Append('\n').Append(say.Format(say.BroadcastCounts, progress.Sent, progress.Failed, progress.Blocked + progress.Gone, progress.Remaining,
            progress.Rate.ToString("0.0", CultureInfo.InvariantCulture), Duration(progress.Elapsed)));
        if (progress.Skipped > 0) text.Append(' ').Append(say.Format(say.BroadcastSkipped, progress.Skipped));
        if (progress.Waiting > 0) text.Append(' ').Append(say.Format(say.BroadcastWaiting, progress.Waiting));
        if (progress.Eta is { } eta) text.Append(' ').Append(say.Format(say.BroadcastEta, Duration(eta)));
        return text.ToString();
    }

    public static string Duration(TimeSpan duration) => duration.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours} h {duration.Minutes:00} min")
        : duration.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes} min {duration.Seconds:00} s")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(duration.TotalSeconds)} s");
}
