using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.Telegram;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>One trace from the webhook request that brings an update, through its command, to the reply sent to the Bot API.</summary>
public sealed class TracingTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    private const long Reader = 4747;

    [Fact]
    public async Task The_webhook_request_the_command_and_the_reply_share_one_trace()
    {
        using var spans = new SpanRecorder();
        await using var bot = await TelegramBotHost.StartAsync(api, TelegramMode.Webhook);
        bot.Fake.AddChat(Reader);

        var update = bot.Fake.SendText(Reader, Reader, "/help");
        await bot.Fake.WaitForSentAsync(Reader, 1, TelegramBotHost.Patience);

        // Other tests' hosts number their updates too: the update's span is the one with its number whose trace holds the
        // rest. The wait fails, listing every span heard, when none does.
        var (handled, reply) = await spans.WaitForAsync(all => all
            .Where(span => span.OperationName == "telegram.update" && Equals(span.GetTagItem("socialreport.update"), (int)update.UpdateId))
            .Select(span => WebhookTrace(all, span))
            .FirstOrDefault(found => found is not null));

        // The reply is sent once the command has answered, on the update's behalf.
        Assert.Equal(handled.SpanId, reply.ParentSpanId);
    }

    /// <summary>
    /// The update's span and the reply's call to the Bot API, when its trace holds them with the webhook request the update
    /// came in (its parent) and the /help command (its child); null until then.
    /// </summary>
    private static Tuple<Activity, Activity>? WebhookTrace(IReadOnlyList<Activity> all, Activity handled)
    {
        var same = SpanRecorder.Of(all, handled.TraceId).ToList();
        var request = same.FirstOrDefault(span => span.Kind == ActivityKind.Server && span.Source.Name == "Microsoft.AspNetCore" && span.SpanId == handled.ParentSpanId);
        var command = same.FirstOrDefault(span => span.OperationName == "command" && span.ParentSpanId == handled.SpanId && Equals(span.GetTagItem("socialreport.command"), "help"));
        var reply = same.FirstOrDefault(span => span.Kind == ActivityKind.Client && Url(span).EndsWith("/sendMessage", StringComparison.Ordinal));
        return request is null || command is null || reply is null ? null : Tuple.Create(handled, reply);
    }

    [Fact]
    public async Task Each_send_of_a_broadcast_has_its_call_to_the_Bot_API_under_it_in_the_broadcasts_trace()
    {
        using var spans = new SpanRecorder();
        await using var bot = await TelegramBotHost.StartAsync(api, TelegramMode.Webhook);
        var readers = new[] { 4801L, 4802, 4803 };
        TelegramReaders.Subscribe(bot.Fake, bot.Services.GetRequiredService<IChatStore>(), readers);

        var plan = Assert.Single(await bot.SayAsync(TelegramBotHost.EditorId, TelegramBotHost.EditorId, "/broadcast 2020-03-06"));
        await bot.PressAsync(TelegramBotHost.EditorId, TelegramBotHost.EditorId, plan, "Confirmer");
        await bot.Services.GetRequiredService<BroadcastService>().WaitAsync("2020-03-06#1").WaitAsync(TimeSpan.FromSeconds(60));

        // The listener hears every test's broadcasts: this one is the broadcast of three sends.
        var calls = await spans.WaitForAsync(all =>
        {
            foreach (var broadcast in all.Where(span => span.OperationName == "broadcast" && Equals(span.GetTagItem("socialreport.broadcast"), "2020-03-06#1")))
            {
                var sends = all.Where(span => span.OperationName == "broadcast.send" && span.ParentSpanId == broadcast.SpanId).ToList();
                var http = sends.Select(send => all.FirstOrDefault(span => span.Kind == ActivityKind.Client && span.ParentSpanId == send.SpanId)).ToList();
                if (sends.Count == readers.Length && http.All(call => call is not null)) return http!;
            }
            return null;
        });

        Assert.All(calls, call => Assert.EndsWith("/sendMessage", Url(call!), StringComparison.Ordinal));
    }

    private static string Url(Activity span) => span.GetTagItem("url.full") as string ?? "";
}
