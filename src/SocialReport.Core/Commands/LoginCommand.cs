using Microsoft.Extensions.Logging;
using SocialReport.Core.Cards;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary><c>/login</c>: an editor gets, in a private chat only, a one-time link that signs them in to the web console.</summary>
public sealed class LoginCommand(LoginTokens tokens, IEnumerable<IConsoleLinks> links, ILogger<LoginCommand> logger) : ICommandHandler
{
    public IReadOnlyCollection<string> Names { get; } = ["login"];
    public bool EditorsOnly => true;

    public Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var say = context.Say;
        var editor = EditorId.Of(context.Inbound.Chat.Channel, context.Inbound.Sender.Id);
        // A link in a group would sign in whoever taps it first.
        if (context.Inbound.ChatKind != ChatKind.Private)
        {
            logger.LoginRefusedOutsidePrivateChat(editor, context.Inbound.ChatKind);
            return Task.FromResult(CommandEngine.Notice(context.Language, say.LoginPrivateOnly));
        }
        if (links.LastOrDefault() is not { } console)
            return Task.FromResult(CommandEngine.Notice(context.Language, say.LoginUnavailable));
        var link = console.LoginLink(tokens.Issue(editor));
        logger.LoginLinkIssued(editor);
        var minutes = (int)LoginTokens.Lifetime.TotalMinutes;
        return Task.FromResult(Reply.Of(new NoticeCard
        {
            Language = context.Language,
            Text = say.Format(say.LoginLink, link, minutes),
            Actions = [[CardAction.Open(say.LoginLabel, link)]],
        }));
    }
}
