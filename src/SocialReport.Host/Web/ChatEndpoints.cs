using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Readers;

namespace SocialReport.Host.Web;

/// <param name="Session">A random id the browser keeps: the web chat's id.</param>
/// <param name="FromButton">True when the text is a card button's command: paging then replaces that card.</param>
internal sealed record ChatRequest(string? Text, string? Session, bool FromButton = false);

internal sealed record ChatResponse(IReadOnlyList<ChatCard> Cards, bool EditsOriginal);

/// <param name="Html">The card as an HTML fragment in which every text is encoded (<see cref="WebCardRenderer"/>).</param>
/// <param name="Text">The same as plain text.</param>
internal sealed record ChatCard(string Kind, string Html, string Text);

/// <summary>
/// The <c>web</c> channel: the same command engine as Telegram and Teams, for trying the bot in a browser. Web visitors
/// are always readers (no editor list names this channel); their chats live in memory only (<see cref="WebChatStore"/>)
/// and never receive broadcasts. Limited per client address, since a visitor may invent any number of sessions.
/// </summary>
internal static partial class ChatEndpoints
{
    public const string Channel = "web";
    public const string RateLimit = "chat";
    private const int MaxBodyBytes = 10 * 1024;
    private const int MaxTextLength = 1000;
    private const int MaxMessageChars = 4000;

    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/chat", AskAsync)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireRateLimiting(RateLimit);
        return app;
    }

    private static async Task<IResult> AskAsync(ChatRequest request, HttpRequest http, CommandEngine engine, WebCardRenderer renderer, CancellationToken cancellationToken)
    {
        if (request.Session is not { } session || !SessionId().IsMatch(session))
            return Results.Problem("session must be 16 to 64 letters, digits, '-' or '_'.", statusCode: StatusCodes.Status400BadRequest);
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxTextLength)
            return Results.Problem($"text must be 1 to {MaxTextLength} characters.", statusCode: StatusCodes.Status400BadRequest);

        var reply = await engine.HandleAsync(InboundOf(session, request.Text, request.FromButton, http), cancellationToken);
        var text = new PlainTextRenderer();
        return Results.Ok(new ChatResponse([.. reply.Cards.Select(c => new ChatCard(c.Kind, renderer.Render(c), text.Render(c)))], reply.EditsOriginal));
    }

    /// <summary>A visitor's sender id is this prefix and the session id, so that logs tell visitors apart from other senders.</summary>
    private const string VisitorPrefix = "visitor:";

    /// <summary>A visitor's message, the browser's first choice of language as the user's (see <see cref="Languages.Pick"/>).</summary>
    internal static Inbound InboundOf(string session, string text, bool fromButton, HttpRequest http) => new()
    {
        Chat = new ChatKey(Channel, session),
        ChatKind = ChatKind.Private,
        Sender = new Sender(VisitorPrefix + session, LanguageHint: LanguageHintOf(http)),
        Text = text,
        FromButton = fromButton,
        MaxMessageChars = MaxMessageChars,
    };

    private static string? LanguageHintOf(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value)
            .FirstOrDefault(v => v is not null and not "*");

    [GeneratedRegex("^[A-Za-z0-9_-]{16,64}$")]
    private static partial Regex SessionId();
}
