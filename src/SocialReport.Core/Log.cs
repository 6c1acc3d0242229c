using Microsoft.Extensions.Logging;
using SocialReport.Core.Archive;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Core;

/// <summary>The log lines of SocialReport.Core, as source-generated methods; event ids 1001 and up.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Refused editor command /{Command} from {Channel} user {Sender} in chat {Chat}")]
    public static partial void EditorCommandRefused(this ILogger logger, string command, string channel, string sender, ChatKey chat);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Edition {Edition} {Outcome} (revision {Revision}) by {Channel} user {Sender}")]
    public static partial void EditionPublished(this ILogger logger, string edition, PublishOutcome outcome, int revision, string channel, string sender);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "A broadcast observer failed.")]
    public static partial void BroadcastObserverFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Broadcast {Id}: edition {Edition} is not in the archive; cancelling it.")]
    public static partial void BroadcastEditionMissing(this ILogger logger, string id, string edition);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Broadcast {Id} of {Edition}: running.")]
    public static partial void BroadcastRunning(this ILogger logger, string id, string edition);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Broadcast {Id}: {State}.")]
    public static partial void BroadcastEnded(this ILogger logger, string id, BroadcastState state);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Broadcast {Id}: stopping after a failure while delivering to {Chat}.")]
    public static partial void BroadcastStoppedByDeliveryFailure(this ILogger logger, Exception exception, string id, ChatKey chat);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Broadcast {Id}: {Count} deliveries skipped, the {Channel} adapter is off; a /broadcast once it is on serves them.")]
    public static partial void BroadcastChannelOff(this ILogger logger, string id, int count, string channel);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Error, Message = "Sending {Edition} to {Chat} failed.")]
    public static partial void EditionSendFailed(this ILogger logger, Exception exception, string edition, ChatKey chat);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Broadcast {Id}: progress reports stopped.")]
    public static partial void BroadcastProgressReportsStopped(this ILogger logger, Exception exception, string id);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Schedule {Id} was due at {Due}, more than {Grace} ago: skipped.")]
    public static partial void ScheduleMissed(this ILogger logger, string id, DateTimeOffset due, TimeSpan grace);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Error, Message = "Schedule {Id} could not start; it is tried again at the next tick.")]
    public static partial void ScheduleStartFailed(this ILogger logger, Exception exception, string id);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information, Message = "Schedule {Id} started broadcast {Broadcast}.")]
    public static partial void ScheduleStarted(this ILogger logger, string id, string broadcast);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Information, Message = "Broadcast {Id} of {Edition} created by {By}{Force}.")]
    public static partial void BroadcastCreated(this ILogger logger, string id, string edition, string by, string force);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Information, Message = "Resuming broadcast {Id} of {Edition}.")]
    public static partial void BroadcastResuming(this ILogger logger, string id, string edition);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Warning, Message = "Stopped before every send in flight was recorded; those are sent again at the next start.")]
    public static partial void StoppedWithSendsInFlight(this ILogger logger);

    [LoggerMessage(EventId = 1017, Level = LogLevel.Error, Message = "Broadcast {Id} stopped by an error; it resumes at the next start or /broadcast.")]
    public static partial void BroadcastFailed(this ILogger logger, Exception exception, string id);

    [LoggerMessage(EventId = 1018, Level = LogLevel.Error, Message = "The broadcast scheduler failed; trying again.")]
    public static partial void SchedulerFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1019, Level = LogLevel.Information, Message = "Broadcast {Id}: {Sent} sent, {Failed} failed, {Blocked} blocked, {Gone} gone, {Remaining} remaining, {Rate:0.0}/s")]
    public static partial void BroadcastProgress(this ILogger logger, string id, int sent, int failed, int blocked, int gone, int remaining, double rate);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Broadcast {Id} {State} in {Elapsed}: {Sent} sent, {Failed} failed, {Blocked} blocked, {Gone} gone, {Skipped} skipped, {Remaining} not sent, {Throttled} throttled")]
    public static partial void BroadcastFinished(this ILogger logger, string id, BroadcastState state, TimeSpan elapsed, int sent, int failed, int blocked, int gone, int skipped, int remaining, int throttled);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Debug, Message = "Search index brought up to the archive's revision {Revision}")]
    public static partial void StoryIndexFollowed(this ILogger logger, long revision);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Warning, Message = "The search index could not follow the archive; trying again in {Delay}")]
    public static partial void StoryIndexFollowFailed(this ILogger logger, Exception error, TimeSpan delay);

    [LoggerMessage(EventId = 1090, Level = LogLevel.Information, Message = "Search index in {Directory}: {Indexed} of {Editions} editions indexed at start-up in {Elapsed} ms")]
    public static partial void SearchIndexOpened(this ILogger logger, string directory, int indexed, int editions, long elapsed);

    [LoggerMessage(EventId = 1091, Level = LogLevel.Warning, Message = "The search index in {Directory} is in use by another process: this host keeps its own in memory.")]
    public static partial void SearchIndexInUse(this ILogger logger, string directory);

    [LoggerMessage(EventId = 1023, Level = LogLevel.Information, Message = "Edition {Edition} unpublished by {Channel} user {Sender}")]
    public static partial void EditionUnpublished(this ILogger logger, string edition, string channel, string sender);

    [LoggerMessage(EventId = 1041, Level = LogLevel.Information, Message = "Deleted {Count} delivery rows of broadcasts finished over {Days} days ago")]
    public static partial void LedgerPruned(this ILogger logger, int count, int days);

    [LoggerMessage(EventId = 1042, Level = LogLevel.Error, Message = "Deleting old delivery rows failed; trying again later.")]
    public static partial void LedgerPruneFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Sign-in link for the web console issued to editor {Editor}")]
    public static partial void LoginLinkIssued(this ILogger logger, string editor);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Refused /login from editor {Editor} in a {Kind} chat: sign-in links go to private chats only")]
    public static partial void LoginRefusedOutsidePrivateChat(this ILogger logger, string editor, ChatKind kind);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Edition {Edition} {Outcome} (revision {Revision}) by editor {Editor} in the web console")]
    public static partial void ConsolePublished(this ILogger logger, string editor, string edition, PublishOutcome outcome, int revision);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Broadcast {Broadcast} of {Edition} started by editor {Editor} in the web console")]
    public static partial void ConsoleBroadcastStarted(this ILogger logger, string editor, string broadcast, string edition);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Broadcast {Broadcast} cancelled by editor {Editor} in the web console")]
    public static partial void ConsoleBroadcastCancelled(this ILogger logger, string editor, string broadcast);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Schedule {Schedule} (due {Due}) added by editor {Editor} in the web console")]
    public static partial void ConsoleScheduled(this ILogger logger, string editor, string schedule, DateTimeOffset due);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Information, Message = "Schedule {Schedule} cancelled by editor {Editor} in the web console")]
    public static partial void ConsoleScheduleCancelled(this ILogger logger, string editor, string schedule);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Information, Message = "Schedule {Schedule} added by {Editor}")]
    public static partial void ChatScheduled(this ILogger logger, string editor, string schedule);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Information, Message = "Broadcasts {Broadcasts} cancelled by {Editor}")]
    public static partial void ChatBroadcastsCancelled(this ILogger logger, string editor, string broadcasts);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Information, Message = "Schedule {Schedule} cancelled by {Editor}")]
    public static partial void ChatScheduleCancelled(this ILogger logger, string editor, string schedule);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Information, Message = "Editor {Editor} signed in to the web console")]
    public static partial void EditorSignedIn(this ILogger logger, string editor);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning, Message = "A web console sign-in link was refused (editor: {Editor}): unknown, used, expired, or no longer an editor's")]
    public static partial void LoginTokenRefused(this ILogger logger, string editor);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Information, Message = "Canary {Broadcast} of {Edition} ({Percent} %) started by editor {Editor} in the web console")]
    public static partial void ConsoleCanaryStarted(this ILogger logger, string editor, string broadcast, string edition, int percent);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Information, Message = "Canary {Broadcast} sent to the rest of its audience by editor {Editor} in the web console")]
    public static partial void ConsoleCanaryConfirmed(this ILogger logger, string editor, string broadcast);

    [LoggerMessage(EventId = 1114, Level = LogLevel.Information, Message = "Recall of broadcast {Broadcast} asked by editor {Editor} in the web console")]
    public static partial void ConsoleRecallStarted(this ILogger logger, string editor, string broadcast);

    [LoggerMessage(EventId = 1120, Level = LogLevel.Information, Message = "Broadcast {Id} ({Edition}): canary of {Percent} % created by {RequestedBy}")]
    public static partial void CanaryCreated(this ILogger logger, string id, string edition, int percent, string requestedBy);

    [LoggerMessage(EventId = 1121, Level = LogLevel.Information, Message = "Broadcast {Id}: canary confirmed by {RequestedBy}, sending to the rest of the audience")]
    public static partial void CanaryConfirmed(this ILogger logger, string id, string requestedBy);

    [LoggerMessage(EventId = 1122, Level = LogLevel.Information, Message = "Broadcast {Id}: recall asked by {RequestedBy}")]
    public static partial void RecallAsked(this ILogger logger, string id, string requestedBy);

    [LoggerMessage(EventId = 1123, Level = LogLevel.Information, Message = "Broadcast {Id}: recalling the messages of {Count} deliveries")]
    public static partial void RecallRunning(this ILogger logger, string id, int count);

    [LoggerMessage(EventId = 1124, Level = LogLevel.Information, Message = "Broadcast {Id}: recall done, {Deleted} deleted, {NotDeleted} could not be")]
    public static partial void RecallEnded(this ILogger logger, string id, int deleted, int notDeleted);

    [LoggerMessage(EventId = 1125, Level = LogLevel.Error, Message = "Broadcast {Id}: recalling the messages sent to {Chat} failed; tried again at the next start.")]
    public static partial void RecallRowFailed(this ILogger logger, Exception exception, string id, ChatKey chat);

    [LoggerMessage(EventId = 1126, Level = LogLevel.Error, Message = "Broadcast {Id}: the recall stopped after a failure.")]
    public static partial void RecallFailed(this ILogger logger, Exception exception, string id);

    [LoggerMessage(EventId = 1127, Level = LogLevel.Information, Message = "Broadcast {Id}: recall resuming")]
    public static partial void RecallResuming(this ILogger logger, string id);

    [LoggerMessage(EventId = 1128, Level = LogLevel.Warning, Message = "A recall observer failed.")]
    public static partial void RecallObserverFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1129, Level = LogLevel.Warning, Message = "Counting a story tap failed.")]
    public static partial void StoryCountFailed(this ILogger logger, Exception exception);
}
