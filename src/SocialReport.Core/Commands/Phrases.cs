using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>A noun as it is counted: "1 groupe", "2 groupes".</summary>
public sealed record Countable(string One, string Other);

/// <summary>
/// Every word of interface text, whichever part of the bot says it (commands, cards, a channel's own notices), in
/// French (<see cref="Fr"/>) and English (<see cref="En"/>).
/// </summary>
public sealed partial record Phrases
{
    /// <summary>The phrases of a language tag, by the one rule of <see cref="Languages.Of"/>.</summary>
    public static Phrases For(string? language) => Languages.Of(language) == Languages.English ? En : Fr;

    public required string Welcome { get; init; }
    public required string WelcomeGroup { get; init; }
    public required string Subscribed { get; init; }
    public required string AlreadySubscribed { get; init; }
    public required string Stopped { get; init; }
    public required string NotSubscribed { get; init; }
    /// <summary>Where commands mention the bot (<see cref="Inbound.Mention"/>, the {0}): a Teams channel.</summary>
    public required string StoppedMention { get; init; }
    public required string NotSubscribedMention { get; init; }
    public required string GroupAdminsOnly { get; init; }
    public required string EmptyArchive { get; init; }
    public required string EditionNotFound { get; init; }
    public required string StoryNotFound { get; init; }
    public required string TopicTitle { get; init; }
    public required string TopicsTitle { get; init; }
    public required string TopicsHint { get; init; }
    public required string SearchTitle { get; init; }
    public required string SearchUsage { get; init; }
    public required string NoResults { get; init; }
    public required string ArchiveTitle { get; init; }
    public required string More { get; init; }
    public required string Range { get; init; }
    public required string HelpTitle { get; init; }
    public required string LanguageSet { get; init; }
    public required string LanguageUsage { get; init; }
    public required string Unknown { get; init; }
    public required string Refused { get; init; }
    public required string RateLimited { get; init; }
    public required string PublishUsage { get; init; }
    public required string Published { get; init; }
    public required string Revised { get; init; }
    public required string Unchanged { get; init; }
    public required string ImportFailed { get; init; }
    public required string PublishNoDate { get; init; }
    public required string PublishDateUsage { get; init; }
    public required string PublishNothingWaiting { get; init; }
    public required string ThisWeekLabel { get; init; }
    public required string ChooseDateLabel { get; init; }
    public required string StatsTitle { get; init; }
    public required string BroadcastPlan { get; init; }
    public required string BroadcastAudience { get; init; }
    public required string BroadcastChannelOff { get; init; }
    public required string BroadcastNobody { get; init; }
    public required string BroadcastAllServed { get; init; }
    public required string BroadcastForced { get; init; }
    public required string BroadcastConfirm { get; init; }
    public required string BroadcastUsage { get; init; }
    public required string BroadcastScheduled { get; init; }
    public required string BroadcastNotScheduled { get; init; }
    public required string BroadcastStarted { get; init; }
    public required string BroadcastRunning { get; init; }
    public required string BroadcastCompleted { get; init; }
    public required string BroadcastCancelled { get; init; }
    public required string BroadcastCounts { get; init; }
    public required string BroadcastEta { get; init; }
    public required string BroadcastSkipped { get; init; }
    public required string BroadcastRequestDropped { get; init; }
    public required string BroadcastStopped { get; init; }
    public required string ScheduleCancelled { get; init; }
    public required string NothingToConfirm { get; init; }
    public required string NothingToCancel { get; init; }
    public required string ConfirmLabel { get; init; }
    public required string CancelLabel { get; init; }
    public required string StatsBroadcasts { get; init; }
    public required string StatsSchedules { get; init; }
    public required string ChannelSubscribed { get; init; }
    public required string ChannelNotAdmin { get; init; }
    public required string ChannelUnknown { get; init; }
    public required string StatsChannel { get; init; }

    /// <summary>Before a story's sources, with the French no-break space before the colon.</summary>
    public required string SourcesPrefix { get; init; }
    /// <summary>The button back to the cover.</summary>
    public required string Contents { get; init; }
    public required string FullStory { get; init; }
    public required string ReadOnline { get; init; }
    /// <summary>The button that unfolds a story in place (a whole edition in one card).</summary>
    public required string Read { get; init; }
    /// <summary>"Partie 1/3".</summary>
    public required string Part { get; init; }
    /// <summary>"Par {0}", where {0} lists the editors joined by <see cref="And"/>.</summary>
    public required string By { get; init; }
    public required string And { get; init; }
    /// <summary>A button whose command is no longer known.</summary>
    public required string ButtonExpired { get; init; }
    /// <summary>The reason in <see cref="ImportFailed"/> for an attachment over the size limit.</summary>
    public required string FileTooBig { get; init; }
    /// <summary>Said in a team channel when the app is installed, {0} the bot's name: where editions go and how to move them.</summary>
    public required string ChannelInstalled { get; init; }

    /// <summary>French counts 0 like 1 ("0 envoi"); English says "0 sends".</summary>
    public required bool SingularZero { get; init; }
    public required Countable Sends { get; init; }
    public required Countable PrivateChats { get; init; }
    public required Countable Groups { get; init; }
    public required Countable Channels { get; init; }
    public required Countable AlreadyServed { get; init; }
    public required Countable ToSend { get; init; }
    public required Countable SubscribedChats { get; init; }
    public required Countable Stories { get; init; }
    public required Countable Editions { get; init; }
    /// <summary>Under an edition cut for size: "+ 12 autres articles".</summary>
    public required Countable OtherStories { get; init; }
    public required IReadOnlyDictionary<SubscriptionState, Countable> States { get; init; }
    public required IReadOnlyList<(string Name, string Description)> Commands { get; init; }
    public required IReadOnlyList<(string Name, string Description)> EditorCommands { get; init; }
    public required string UnpublishUsage { get; init; }
    public required string Unpublished { get; init; }
    /// <summary>{0} the edition's date, {1} the broadcast, {2} the edition's id.</summary>
    public required string UnpublishBroadcasting { get; init; }

    /// <summary>The line on a broadcast's cover that says how to leave.</summary>
    public required string Leave { get; init; }
    /// <summary>The button under a cover of followed stories only, {0} the edition's count of stories.</summary>
    public required string WholeEdition { get; init; }
    /// <summary>The intro of a cover of followed stories only: {0} the count of them, {1} of the edition's.</summary>
    public required string FollowedOnlyIntro { get; init; }
    public required string FollowUsage { get; init; }
    public required string FollowDone { get; init; }
    public required string FollowDoneNoStory { get; init; }
    public required string FollowAlready { get; init; }
    public required string FollowNoWords { get; init; }
    public required string FollowTooLong { get; init; }
    public required string FollowTooMany { get; init; }
    public required string UnfollowUsage { get; init; }
    public required string UnfollowDone { get; init; }
    public required string UnfollowNotFollowed { get; init; }
    public required string FollowingTitle { get; init; }
    public required string FollowingNone { get; init; }
    /// <summary>Under the list of followed topics: {0} the chat's mode, said with <see cref="ModeAll"/> or <see cref="ModeTopics"/>.</summary>
    public required string FollowingHint { get; init; }
    /// <summary>The button that stops following a topic, {0} the topic.</summary>
    public required string UnfollowLabel { get; init; }
    public required string ModeAll { get; init; }
    public required string ModeTopics { get; init; }
    public required string ModeUsage { get; init; }
    public required string ModeSet { get; init; }
    public required string ModeTopicsWithoutTopic { get; init; }
    /// <summary>In a broadcast plan, a channel's readers by mode: {0} channel, {1} every edition, {2} their topics, {3} none of their topics.</summary>
    public required string BroadcastTopics { get; init; }

    public required string TimeZoneSet { get; init; }
    public required string TimeZoneUsage { get; init; }
    /// <summary>{0} the hours, {1} the time zone they are read in.</summary>
    public required string QuietSet { get; init; }
    public required string QuietOff { get; init; }
    public required string QuietUsage { get; init; }
    public required string SilentOn { get; init; }
    public required string SilentOff { get; init; }
    public required string SilentUsage { get; init; }
    public required string GroupSettingsAdminsOnly { get; init; }
    public required string ForgetConfirm { get; init; }
    public required string ForgetLabel { get; init; }
    public required string Forgotten { get; init; }
    public required string NothingKept { get; init; }
    public required string MyDataTitle { get; init; }
    /// <summary>/mydata: {0} the chat, {1} kind, {2} language, {3} subscription, {4} time zone, {5} quiet hours, {6} silent, {7} delivery rows, {8} days kept.</summary>
    public required string MyData { get; init; }
    public required string BroadcastWaiting { get; init; }
    public required string On { get; init; }
    public required string Off { get; init; }
    public required string None { get; init; }
    /// <summary>What readers set about their chat: delivery settings and their data; in /help after <see cref="Commands"/> (Teams lists 10 commands at most).</summary>
    public required IReadOnlyList<(string Name, string Description)> SettingsCommands { get; init; }
    /// <summary>/login: {0} the sign-in link, {1} the minutes it works.</summary>
    public required string LoginLink { get; init; }
    public required string LoginLabel { get; init; }
    public required string LoginPrivateOnly { get; init; }
    public required string LoginUnavailable { get; init; }
    /// <summary>The end of a broadcast plan shown in the web console.</summary>
    public required string ConsoleBroadcastConfirm { get; init; }

    /// <summary>"1 envoi", "2 envois", "1 send", "0 sends".</summary>
    public string Count(int count, Countable noun) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} {(count == 1 || (count == 0 && SingularZero) ? noun.One : noun.Other)}");

    public string Format(string phrase, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, phrase, args);

    /// <summary>"Par X, Y et Z" or "By X, Y and Z"; null when there is nobody to name.</summary>
    public string? ByLine(IReadOnlyList<string> names)
    {
        var named = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList();
        if (named.Count == 0)
            return null;
        var list = named.Count == 1
            ? named[0]
            : $"{string.Join(", ", named.Take(named.Count - 1))} {And} {named[^1]}";
        return Format(By, list);
    }
}
