using SocialReport.Core.Archive;
using SocialReport.Core.Cards;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>/start, /stop, /subscribe, /lang: the chat's subscription and language.</summary>
public sealed class SubscriptionCommands(Subscriptions subscriptions, IEditionArchive archive, IEnumerable<IChatMembership> memberships)
    : ICommandHandler
{
    public IReadOnlyCollection<string> Names { get; } = ["start", "stop", "unsubscribe", "subscribe", "lang", "langue"];
    public bool EditorsOnly => false;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken) => context.Command.Name switch
    {
        "start" => await StartAsync(context, cancellationToken),
        "subscribe" when context.Command.Arguments.Length > 0 => await SubscribeChannelAsync(context, cancellationToken),
        "subscribe" => await SubscribeAsync(context, cancellationToken),
        "lang" or "langue" => Language(context),
        _ => await StopAsync(context, cancellationToken),
    };

    private async Task<Reply> StartAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!await MayChangeSubscriptionAsync(context, cancellationToken))
            return CommandEngine.Notice(context.Language, context.Say.GroupAdminsOnly);
        Subscribe(context, "/start");
        var welcome = new NoticeCard { Language = context.Language, Text = context.Say.Welcome };
        var latest = archive.Latest();
        return latest is null
            ? Reply.Of(welcome, new NoticeCard { Language = context.Language, Text = context.Say.EmptyArchive })
            : Reply.Of(welcome, CardFactory.Cover(latest, context.Language));
    }

    private async Task<Reply> SubscribeAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!await MayChangeSubscriptionAsync(context, cancellationToken))
            return CommandEngine.Notice(context.Language, context.Say.GroupAdminsOnly);
        var changed = Subscribe(context, "/subscribe");
        return CommandEngine.Notice(context.Language, changed ? context.Say.Subscribed : context.Say.AlreadySubscribed);
    }

    private async Task<Reply> StopAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!await MayChangeSubscriptionAsync(context, cancellationToken))
            return CommandEngine.Notice(context.Language, context.Say.GroupAdminsOnly);
        var stopped = subscriptions.Unsubscribe(context.Inbound.Chat);
        var (say, mention) = (context.Say, context.Inbound.Mention);
        var text = mention is null
            ? stopped ? say.Stopped : say.NotSubscribed
            : say.Format(stopped ? say.StoppedMention : say.NotSubscribedMention, mention);
        return CommandEngine.Notice(context.Language, text);
    }

    /// <summary>"/subscribe @channel": an editor subscribes a channel that both they and the bot administer.</summary>
    private async Task<Reply> SubscribeChannelAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var say = context.Say;
        if (!context.IsEditor) return CommandEngine.Notice(context.Language, say.Refused);
        var name = context.Command.Arguments.Split(' ')[0];
        var membership = memberships.FirstOrDefault(m => m.Channel == context.Inbound.Chat.Channel);
        var target = membership is null ? null : await membership.ResolveAsync(name, cancellationToken);
        if (membership is null || target is null)
            return CommandEngine.Notice(context.Language, say.Format(say.ChannelUnknown, name));
        if (!await membership.IsAdminAsync(target.Key, context.Inbound.Sender.Id, cancellationToken))
            return CommandEngine.Notice(context.Language, say.Format(say.ChannelNotAdmin, name));
        subscriptions.Subscribe(target.Key, target.Kind, context.Language, $"/subscribe {name} by {context.Inbound.Sender.Id}", target.Title);
        return CommandEngine.Notice(context.Language, say.Format(say.ChannelSubscribed, target.Title ?? name));
    }

    private Reply Language(CommandContext context)
    {
        var wanted = context.Command.Arguments.Trim().ToLowerInvariant();
        if (wanted is not ("fr" or "en"))
            return CommandEngine.Notice(context.Language, context.Say.LanguageUsage);
        var inbound = context.Inbound;
        subscriptions.SetLanguage(inbound.Chat, inbound.ChatKind, wanted, inbound.ChatTitle);
        return CommandEngine.Notice(wanted, Phrases.For(wanted).LanguageSet);
    }

    private bool Subscribe(CommandContext context, string via)
    {
        var inbound = context.Inbound;
        return subscriptions.Subscribe(inbound.Chat, inbound.ChatKind, context.Language, via, inbound.ChatTitle, inbound.Address);
    }

    /// <summary>In a group only its admins (or an editor) change the group's subscription; anyone may in a private chat.</summary>
    private Task<bool> MayChangeSubscriptionAsync(CommandContext context, CancellationToken cancellationToken) =>
        ChatAdmins.MayChangeAsync(context, memberships, cancellationToken);
}
