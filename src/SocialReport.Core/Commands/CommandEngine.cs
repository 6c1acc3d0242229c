using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialReport.Core.Cards;
using SocialReport.Core.Diagnostics;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>Answers every command from every channel: rate limit, language, editor check, then the handler.</summary>
public sealed class CommandEngine
{
    private readonly Dictionary<string, ICommandHandler> _handlers;
    private readonly IChatStore _chats;
    private readonly ChatRateLimiter _rateLimiter;
    private readonly IOptionsMonitor<EditorsOptions> _editors;
    private readonly ILogger<CommandEngine> _logger;
    private readonly SocialReportMetrics _metrics;

    public CommandEngine(IEnumerable<ICommandHandler> handlers, IChatStore chats, ChatRateLimiter rateLimiter,
        IOptionsMonitor<EditorsOptions> editors, ILogger<CommandEngine> logger, SocialReportMetrics metrics)
    {
        _handlers = handlers.SelectMany(h => h.Names.Select(n => (n, h))).ToDictionary(p => p.n, p => p.h);
        _chats = chats;
        _rateLimiter = rateLimiter;
        _editors = editors;
        _logger = logger;
        _metrics = metrics;
    }

    public bool IsEditor(Inbound inbound) => _editors.CurrentValue.IsEditor(inbound.Chat.Channel, inbound.Sender.Id);

    public async Task<Reply> HandleAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = SocialReportTracing.Source.StartActivity("command");
        activity?.SetTag("socialreport.channel", inbound.Chat.Channel);
        var (command, outcome) = ("none", "failed");
        try
        {
            Reply reply;
            (reply, command, outcome) = await AnswerAsync(inbound, cancellationToken);
            return reply;
        }
        finally
        {
            activity?.SetTag("socialreport.command", command).SetTag("socialreport.outcome", outcome);
            _metrics.CommandHandled(inbound.Chat.Channel, command, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <returns>The reply, the command's name for metrics (a known one, or "none"), and how it went.</returns>
    private async Task<(Reply Reply, string Command, string Outcome)> AnswerAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        var chat = _chats.Get(inbound.Chat);
        var language = Languages.Pick(chat?.Language, inbound.Sender.LanguageHint);
        var say = Phrases.For(language);
        if (!_rateLimiter.TryAcquire(inbound.Chat))
            return (Notice(language, say.RateLimited), "none", "rate_limited");

        var command = CommandText.Parse(inbound.Text);
        if (!_handlers.TryGetValue(command.Name, out var handler))
            return (Notice(language, say.Format(say.Unknown, Shorten(command.Name))), "none", "unknown");

        var isEditor = IsEditor(inbound);
        if (handler.EditorsOnly && !isEditor)
        {
            _logger.EditorCommandRefused(command.Name, inbound.Chat.Channel, inbound.Sender.Id, inbound.Chat);
            return (Notice(language, say.Refused), command.Name, "refused");
        }

        var reply = await handler.HandleAsync(new CommandContext(inbound, command, language, isEditor, chat), cancellationToken);
        return (reply, command.Name, "ok");
    }

    internal static Reply Notice(string language, string text, string? title = null) =>
        Reply.Of(new NoticeCard { Language = language, Title = title, Text = text });

    private static string Shorten(string name) => name.Length <= 32 ? name : name[..32] + "…";
}
