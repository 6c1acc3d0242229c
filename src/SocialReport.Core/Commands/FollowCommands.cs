using SocialReport.Core.Cards;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>/follow, /unfollow, /following and /mode: the topics a chat follows and what it receives of a broadcast.</summary>
public sealed class FollowCommands(Following following, IEnumerable<IChatMembership> memberships) : ICommandHandler
{
    public IReadOnlyCollection<string> Names { get; } = ["follow", "suivre", "unfollow", "neplussuivre", "following", "suivis", "mode"];
    public bool EditorsOnly => false;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var name = context.Command.Name;
        if (name is "following" or "suivis") return Topics(context, context.Chat);
        if (!await ChatAdmins.MayChangeAsync(memberships, context, cancellationToken))
            return CommandEngine.Notice(context.Language, context.Say.GroupAdminsOnly);
        return name switch
        {
            "follow" or "suivre" => Follow(context),
            "unfollow" or "neplussuivre" => Unfollow(context),
            _ => Mode(context),
        };
    }

    private Reply Follow(CommandContext context)
    {
        var (say, topic, inbound) = (context.Say, context.Command.Arguments.Trim(), context.Inbound);
        if (topic.Length == 0) return CommandEngine.Notice(context.Language, say.FollowUsage);
        var result = following.Follow(inbound.Chat, inbound.ChatKind, context.Language, inbound.ChatTitle, topic);
        var shown = Shown(topic);
        var text = result switch
        {
            FollowResult.Followed => say.Format(following.AnyStory(topic) ? say.FollowDone : say.FollowDoneNoStory, shown),
            FollowResult.AlreadyFollowed => say.Format(say.FollowAlready, shown),
            FollowResult.NoWords => say.Format(say.FollowNoWords, shown),
            FollowResult.TooLong => say.Format(say.FollowTooLong, Following.MaxTopicLength),
            _ => say.Format(say.FollowTooMany, Following.MaxTopics),
        };
        return CommandEngine.Notice(context.Language, text);
    }

    private Reply Unfollow(CommandContext context)
    {
        var (say, topic) = (context.Say, context.Command.Arguments.Trim());
        if (topic.Length == 0) return CommandEngine.Notice(context.Language, say.UnfollowUsage);
        var dropped = following.Unfollow(context.Inbound.Chat, topic);
        var text = dropped is null ? say.Format(say.UnfollowNotFollowed, Shown(topic)) : say.Format(say.UnfollowDone, dropped);
        return CommandEngine.Notice(context.Language, text);
    }

    private Reply Mode(CommandContext context)
    {
        var say = context.Say;
        TopicMode? wanted = context.Command.Arguments.Trim().ToLowerInvariant() switch
        {
            "all" or "tout" or "tous" => TopicMode.All,
            "topics" or "sujets" => TopicMode.Topics,
            _ => null,
        };
        if (wanted is not { } mode)
            return CommandEngine.Notice(context.Language, say.Format(say.ModeUsage, Said(say, context.Chat?.Mode ?? TopicMode.All)));
        var inbound = context.Inbound;
        following.SetMode(inbound.Chat, inbound.ChatKind, context.Language, inbound.ChatTitle, mode);
        var none = mode == TopicMode.Topics && (context.Chat?.Topics.Count ?? 0) == 0;
        return CommandEngine.Notice(context.Language, say.Format(none ? say.ModeTopicsWithoutTopic : say.ModeSet, Said(say, mode)));
    }

    /// <summary>The followed topics, each with a button that stops following it.</summary>
    private static Reply Topics(CommandContext context, Chat? chat)
    {
        var say = context.Say;
        if (chat is not { Topics.Count: > 0 }) return CommandEngine.Notice(context.Language, say.FollowingNone);
        return Reply.Of(new ListCard
        {
            Language = context.Language,
            Title = say.FollowingTitle,
            Items = [.. chat.Topics.Select(topic => new ListItem(topic))],
            Footer = say.Format(say.FollowingHint, Said(say, chat.Mode)),
            Actions = [.. chat.Topics.Select(topic => (IReadOnlyList<CardAction>)[CardAction.Run(
                say.Format(say.UnfollowLabel, TextCutter.Cut(topic, CardBudgets.ButtonLabel)), $"/unfollow {topic}")])],
        });
    }

    private static string Said(Phrases say, TopicMode mode) => mode == TopicMode.Topics ? say.ModeTopics : say.ModeAll;

    /// <summary>A topic as the reply quotes it back: at most one short line.</summary>
    private static string Shown(string topic) =>
        TextCutter.Cut(Following.Clean(topic.Length > Following.MaxTopicLength ? topic[..Following.MaxTopicLength] : topic), CardBudgets.ButtonLabel);
}
