using System.Text.RegularExpressions;
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
/// The <c>web</c> channel: the same command engine as Telegram and Teams, for trying the bot in a browser. Web chats are
/// always readers (their sender id can never be an editor's), and never receive broadcasts.
/// </summary>
internal static partial class ChatEndpoints
{
    public const string Channel = "web";
    private const int MaxTextLength = 1000;
    private const int MaxMessageChars = 4000;

    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/chat", AskAsync);
        return app;
    }

    private static async Task<IResult> AskAsync(ChatRequest request, HttpRequest http, CommandEngine engine, WebCardRenderer renderer, CancellationToken cancellationToken)
    {
        if (request.Session is not { } session || !SessionId().IsMatch(session))
            return Results.Problem("session must be 16 to 64 letters, digits, '-' or '_'.", statusCode: StatusCodes.Status400BadRequest);
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxTextLength)
            return Results.Problem($"text must be 1 to {MaxTextLength} characters.", statusCode: StatusCodes.Status400BadRequest);

        var inbound = new Inbound
        {
            Chat = new ChatKey(Channel, session),
            ChatKind = ChatKind.Private,
            Sender = new Sender(VisitorPrefix + session, LanguageHint: LanguageOf(http)),
            Text = request.Text,
            FromButton = request.FromButton,
            MaxMessageChars = MaxMessageChars,
        };
        if (engine.IsEditor(inbound))
            return Results.Problem("This session id is reserved.", statusCode: StatusCodes.Status400BadRequest);

        var reply = await engine.HandleAsync(inbound, cancellationToken);
        var text = new PlainTextRenderer();
        return Results.Ok(new ChatResponse([.. reply.Cards.Select(c => new ChatCard(c.Kind, renderer.Render(c), text.Render(c)))], reply.EditsOriginal));
    }

    /// <summary>Editors are named in <c>Admins:Web</c>; a visitor's sender id is this prefix and a random id, which no editor name matches.</summary>
    private const string VisitorPrefix = "visitor:";

    private static string? LanguageOf(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value)
            .FirstOrDefault(v => v is not null && v != "*");

    [GeneratedRegex("^[A-Za-z0-9_-]{16,64}$")]
    private static partial Regex SessionId();
}
