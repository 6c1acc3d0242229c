using SocialReport.Core.Archive;
using SocialReport.Teams.Outbound;
using SocialReport.Teams.Protocol;
using SocialReport.Teams.Rendering;

namespace SocialReport.Teams.Inbound;

/// <summary>
/// What the bot does with an activity whose token was checked: commands (typed or from a card button) answered in
/// the conversation, installs subscribed and greeted, uninstalls marked gone. Platform errors are logged, never thrown.
/// </summary>
internal sealed class TeamsActivityHandler(
    CommandEngine engine,
    Subscriptions subscriptions,
    IEditionArchive archive,
    ConnectorClient connector,
    TeamsCardRenderer renderer,
    ILogger<TeamsActivityHandler> logger)
{
    /// <summary>How the subscription of an installed app is recorded (<see cref="Chat.SubscribedVia"/>).</summary>
    public const string InstallVia = "install";

    /// <returns>The body of the HTTP answer: an invoke response for an <c>invoke</c>, else null.</returns>
    public async Task<InvokeResponse?> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await AnswerAsync(activity, cancellationToken);
                return null;
            case ActivityTypes.Invoke:
                await AnswerAsync(activity, cancellationToken);
                return activity.Name == InvokeResponse.AdaptiveCardAction ? InvokeResponse.Acknowledged : null;
            case ActivityTypes.ConversationUpdate when Includes(activity.MembersAdded, activity.Recipient):
                await InstalledAsync(activity, cancellationToken);
                return null;
            case ActivityTypes.ConversationUpdate when Includes(activity.MembersRemoved, activity.Recipient):
            case ActivityTypes.InstallationUpdate when activity.Action == "remove":
                Uninstalled(activity);
                return null;
            default:
                return null;
        }
    }

    private async Task AnswerAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (TeamsActivityParser.ToInbound(activity) is not { } inbound)
            return;
        var reply = await engine.HandleAsync(inbound, cancellationToken);
        var reference = ConversationReference.FromActivity(activity);
        var activities = TeamsActivities.ForReply(renderer, WithStories(reply)).Select(a => reference?.Apply(a) ?? a).ToList();
        var conversationId = activity.Conversation!.Id!;
        for (var i = 0; i < activities.Count; i++)
        {
            SendOutcome? outcome = null;
            if (i == 0 && reply.EditsOriginal && activity.ReplyToId is { } original)
                outcome = await connector.UpdateAsync(activity.ServiceUrl!, conversationId, original, activities[i], cancellationToken);
            if (outcome is not SendOutcome.Sent)
            {
                // A message that cannot be updated (too old, deleted) gets the answer as a new one.
                outcome = activity.Id is { } id
                    ? await connector.ReplyAsync(activity.ServiceUrl!, conversationId, id, activities[i], cancellationToken)
                    : await connector.SendAsync(activity.ServiceUrl!, conversationId, activities[i], cancellationToken);
            }
            if (outcome is not SendOutcome.Sent)
            {
                logger.TeamsReplyNotDelivered(inbound.Chat, outcome);
                // A conversation the bot was removed from, or a reader who blocked it, is not one to broadcast to.
                subscriptions.AfterFailedSend(inbound.Chat, outcome);
                return;
            }
        }
    }

    /// <summary>
    /// In Teams an edition is one card whose stories unfold in place: a cover the engine sends alone (latest, archive,
    /// the contents button) gets its stories from the archive.
    /// </summary>
    private Reply WithStories(Reply reply)
    {
        var cards = new List<Card>();
        for (var i = 0; i < reply.Cards.Count; i++)
        {
            var card = reply.Cards[i];
            cards.Add(card);
            var followedByStories = i + 1 < reply.Cards.Count && reply.Cards[i + 1] is StoryCard;
            if (card is CoverCard cover && !followedByStories && archive.Get(cover.EditionId) is { } edition)
                cards.AddRange(Enumerable.Range(1, edition.Stories.Count).Select(n => CardFactory.Story(edition, n, cover.Language)));
        }
        return reply with { Cards = cards };
    }

    private async Task InstalledAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (InstallReference(activity) is not { } reference)
            return;
        var key = TeamsActivityParser.ChatKeyOf(activity);
        var language = Languages.Pick(subscriptions.Get(key)?.Language, activity.Locale);
        subscriptions.Subscribe(key, TeamsActivityParser.ChatKindOf(activity), language, InstallVia, TeamsActivityParser.ChatTitleOf(activity), reference.ToJson());
        logger.TeamsAppInstalled(key, reference.ConversationType);

        language = subscriptions.Get(key)?.Language ?? language;
        var say = Phrases.For(language);
        var welcome = say.Welcome;
        if (reference.IsChannel)
            welcome += "\n\n" + say.Format(say.ChannelInstalled, TeamsActivityParser.BotNameOf(activity));
        var greeting = new List<Card> { new NoticeCard { Language = language, Text = welcome } };
        if (archive.Latest() is { } latest)
            greeting.Add(CardFactory.Cover(latest, language));
        foreach (var message in TeamsActivities.ForReply(renderer, WithStories(new Reply(greeting))))
        {
            var outcome = await connector.SendAsync(reference.ServiceUrl, reference.ConversationId, reference.Apply(message), cancellationToken);
            if (outcome is not SendOutcome.Sent)
            {
                logger.TeamsWelcomeNotDelivered(key, outcome);
                subscriptions.AfterFailedSend(key, outcome);
                return;
            }
        }
    }

    /// <summary>
    /// Where an install is reached later: the conversation itself, or for a team the channel the installer chose
    /// (<c>channelData.settings.selectedChannel</c>), else its General channel (whose id is the team's).
    /// </summary>
    private static ConversationReference? InstallReference(Activity activity)
    {
        var reference = ConversationReference.FromActivity(activity);
        if (reference is null || !reference.IsChannel || reference.TeamId is not { Length: > 0 } team)
            return reference;
        var channel = activity.ChannelData?.Settings?.SelectedChannel?.Id is { Length: > 0 } selected ? selected : team;
        return reference with { ConversationId = channel, TeamsChannelId = channel };
    }

    private void Uninstalled(Activity activity)
    {
        if (activity.Conversation?.Id is null)
            return;
        var key = TeamsActivityParser.ChatKeyOf(activity);
        if (subscriptions.MarkGone(key))
            logger.TeamsAppRemoved(key);
    }

    private static bool Includes(IReadOnlyList<ChannelAccount>? members, ChannelAccount? bot) =>
        bot?.Id is { } id && members?.Any(m => m.Id == id) == true;
}
