using Microsoft.Extensions.Options;
using SocialReport.Core.Cards;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>/timezone, /quiet, /silent: when and how editions reach the chat; /mydata and /forget: what is kept about it.</summary>
public sealed class PrivacyCommands(Subscriptions subscriptions, IReaderData data, IEnumerable<IChatMembership> memberships, IOptions<DeliveryOptions> delivery)
    : ICommandHandler
{
    private const string Confirmed = "confirm";

    public IReadOnlyCollection<string> Names { get; } = ["timezone", "fuseau", "quiet", "calme", "silent", "silencieux", "mydata", "mesdonnees", "forget", "oublier"];
    public bool EditorsOnly => false;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Command.Name is "mydata" or "mesdonnees") return MyData(context);
        var say = context.Say;
        if (!await ChatAdmins.MayChangeAsync(memberships, context, cancellationToken))
            return CommandEngine.Notice(context.Language, say.GroupSettingsAdminsOnly);
        var argument = context.Command.Arguments.Trim();
        return context.Command.Name switch
        {
            "timezone" or "fuseau" => TimeZone(context, argument),
            "quiet" or "calme" => Quiet(context, argument),
            "silent" or "silencieux" => Silent(context, argument),
            _ => Forget(context, argument),
        };
    }

    private Reply TimeZone(CommandContext context, string argument)
    {
        var say = context.Say;
        if (!QuietHours.TryZone(argument, out var zone))
            return CommandEngine.Notice(context.Language, say.Format(say.TimeZoneUsage, ZoneOf(context.Chat)));
        Configure(context, chat => chat with { TimeZone = zone.Id });
        return CommandEngine.Notice(context.Language, say.Format(say.TimeZoneSet, zone.Id));
    }

    private Reply Quiet(CommandContext context, string argument)
    {
        var say = context.Say;
        if (IsOff(argument))
        {
            Configure(context, chat => chat with { QuietHours = null });
            return CommandEngine.Notice(context.Language, say.QuietOff);
        }
        if (!QuietHours.TryParse(argument, out var hours))
            return CommandEngine.Notice(context.Language, say.Format(say.QuietUsage, ZoneOf(context.Chat)));
        var chat = Configure(context, chat => chat with { QuietHours = hours });
        return CommandEngine.Notice(context.Language, say.Format(say.QuietSet, hours, ZoneOf(chat)));
    }

    private Reply Silent(CommandContext context, string argument)
    {
        var say = context.Say;
        bool? silent = IsOff(argument) ? false : argument.ToLowerInvariant() is "on" or "oui" or "yes" ? true : null;
        if (silent is not { } value) return CommandEngine.Notice(context.Language, say.SilentUsage);
        Configure(context, chat => chat with { Silent = value });
        return CommandEngine.Notice(context.Language, value ? say.SilentOn : say.SilentOff);
    }

    /// <summary>Asks first, with a button; the button (or typing it) runs <c>/forget confirm</c>.</summary>
    private Reply Forget(CommandContext context, string argument)
    {
        var say = context.Say;
        if (!argument.Equals(Confirmed, StringComparison.OrdinalIgnoreCase))
        {
            return Reply.Of(new NoticeCard
            {
                Language = context.Language,
                Text = say.ForgetConfirm,
                Actions = [[CardAction.Run(say.ForgetLabel, $"/{context.Command.Name} {Confirmed}")]],
            });
        }
        var erased = data.Erase(context.Inbound.Chat);
        return CommandEngine.Notice(context.Language, erased ? say.Forgotten : say.NothingKept);
    }

    private Reply MyData(CommandContext context)
    {
        var say = context.Say;
        var chat = context.Chat;
        var deliveries = data.Deliveries(context.Inbound.Chat);
        if (chat is null && deliveries == 0) return CommandEngine.Notice(context.Language, say.NothingKept);
        var name = chat?.Title is { Length: > 0 } title ? $"{context.Inbound.Chat}, {title}" : context.Inbound.Chat.ToString();
        var subscription = chat is null ? say.None
            : chat.SubscribedAt is { } since ? $"{say.Count(1, say.States[chat.State])}, {since.UtcDateTime:yyyy-MM-dd} ({chat.SubscribedVia})"
            : say.Count(1, say.States[chat.State]);
        var text = say.Format(say.MyData, name, chat?.Kind.ToString() ?? context.Inbound.ChatKind.ToString(), chat?.Language ?? say.None, subscription,
            ZoneOf(chat), chat?.QuietHours?.ToString() ?? say.None, chat?.Silent == true ? say.On : say.Off, deliveries, delivery.Value.RetentionDays);
        return CommandEngine.Notice(context.Language, text, say.MyDataTitle);
    }

    private Chat Configure(CommandContext context, Func<Chat, Chat> change)
    {
        var inbound = context.Inbound;
        return subscriptions.Configure(inbound.Chat, inbound.ChatKind, context.Language, change, inbound.ChatTitle);
    }

    private string ZoneOf(Chat? chat) => chat?.TimeZone ?? delivery.Value.TimeZone;

    private static bool IsOff(string argument) => argument.ToLowerInvariant() is "off" or "non" or "no" or "aucune";
}
