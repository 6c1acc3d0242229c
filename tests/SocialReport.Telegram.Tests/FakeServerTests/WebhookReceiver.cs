using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace SocialReport.Telegram.Tests.FakeServerTests;

/// <summary>A bot's webhook endpoint for the fake to call: records each POST, answers the statuses it is told to.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string? SecretToken, string ContentType, string Body);

    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly ConcurrentQueue<Received> _received = new();
    private LoopbackServer _server = null!;

    public string Url { get; private set; } = "";

    public IReadOnlyList<Received> All => [.. _received];

    /// <summary>A body to answer with on success (a Bot API method call, say).</summary>
    public string? ReplyBody { get; set; }

    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses) _statuses.Enqueue(status);
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        receiver._server = await LoopbackServer.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            context.Request.Headers.TryGetValue("X-Telegram-Bot-Api-Secret-Token", out var secret);
            receiver._received.Enqueue(new Received(secret.Count > 0 ? secret.ToString() : null, context.Request.ContentType ?? "", body));
            context.Response.StatusCode = receiver._statuses.TryDequeue(out var status) ? status : 200;
            if (context.Response.StatusCode == 200 && receiver.ReplyBody is { } reply)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(reply);
            }
        });
        receiver.Url = receiver._server.BaseUrl + "/telegram/webhook";
        return receiver;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
