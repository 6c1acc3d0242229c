using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SocialReport.Telegram.Tests.FakeServerTests;

/// <summary>A bot's webhook endpoint for the fake to call: records each POST, answers the statuses it is told to.</summary>
sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string? SecretToken, string ContentType, string Body);

    readonly ConcurrentQueue<int> _statuses = new();
    readonly ConcurrentQueue<Received> _received = new();
    WebApplication _app = null!;

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
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(async context =>
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
        await app.StartAsync();
        receiver._app = app;
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/telegram/webhook";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
