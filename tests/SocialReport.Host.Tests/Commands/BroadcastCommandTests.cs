using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Archive;
using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;
using SocialReport.Telegram;

namespace SocialReport.Host.Tests.Commands;

public sealed class BroadcastCommandTests : IAsyncLifetime
{
    private readonly RecordingSender _sender = new();
    private readonly RecordingNotifier _notifier = new();
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotUnderTest.StartAsync(builder =>
        {
            builder.Services.AddSingleton<IEditionSender>(_sender);
            builder.Services.AddSingleton<IChatNotifier>(_notifier);
        }, ("Delivery:Other:MessagesPerSecond", "1000"), ("Delivery:ProgressInterval", "00:00:00.050"));
        for (var i = 0; i < 12; i++) Subscribe($"reader{i}");
    }

    public Task DisposeAsync() => _bot.DisposeAsync().AsTask();

    private BroadcastService Broadcasts => _bot.Services.GetRequiredService<BroadcastService>();

    private void Subscribe(string id) => _bot.Chats.Save(TestChats.Subscriber(RecordingSender.Name, id));

    [Fact]
    public async Task A_readers_broadcast_and_confirm_are_refused_and_nothing_is_sent()
    {
        Assert.Contains("réservée aux éditeurs", (await _bot.AskAsync("/broadcast 2020-03-06")).NoticeText());
        Assert.Contains("réservée aux éditeurs", (await _bot.AskAsync("/confirm")).NoticeText());
        Assert.Empty(Broadcasts.History(10));
        Assert.Empty(_sender.Received);
    }

    [Fact]
    public async Task An_editor_sees_the_plan_with_buttons_then_confirms_and_every_subscriber_gets_the_edition_once()
    {
        var plan = (await _bot.AskAsync("/broadcast 2020-03-06", "admin")).Single<NoticeCard>();

        Assert.Contains("test : 12 privées, 0 groupe, 0 canal ; 0 déjà servie, 12 à envoyer", plan.Text);
        Assert.Contains("12 envois", plan.Text);
        Assert.Equal("/confirm", plan.Action("Confirmer").Command);
        Assert.Equal("/cancel", plan.Action("Annuler").Command);
        Assert.Empty(_sender.Received);

        var started = (await _bot.AskAsync("/confirm", "admin")).NoticeText();
        Assert.Equal("Diffusion 2020-03-06#1 lancée.", started);
        var summary = await Broadcasts.WaitAsync("2020-03-06#1");

        Assert.Equal(BroadcastState.Completed, summary!.State);
        Assert.Equal(12, summary.Sent);
        Assert.Equal(12, _sender.Received.Distinct().Count());
        Assert.Equal(12, _sender.Received.Count);
        Assert.Single(Broadcasts.History(5));
        Assert.Contains("Diffusion 2020-03-06#1 terminée envoyés 12 · échecs 0", Stats());
        var status = _bot.Services.GetRequiredService<IBroadcastStatus>();
        Assert.Empty(status.Running());
        var past = Assert.Single(status.Past(5));
        Assert.Equal(("2020-03-06#1", "completed", 12, 12), (past.Id, past.State, past.Total, past.Sent));

        // A second request of the same edition has no one left to serve: it says so, and offers nothing to confirm.
        var again = await _bot.AskAsync("/broadcast 2020-03-06", "admin");
        Assert.Contains("toutes les conversations abonnées l’ont déjà reçue (12 déjà servies). /broadcast 2020-03-06 force la renvoie à tous.", again.NoticeText());
        Assert.Empty(Assert.IsType<NoticeCard>(again.Cards[0]).Actions);
        Assert.Contains("Rien à confirmer", (await _bot.AskAsync("/confirm", "admin")).NoticeText());
        Assert.Single(Broadcasts.History(5));
        Assert.Equal(12, _sender.Received.Count);
    }

    [Fact]
    public async Task The_confirming_chat_gets_a_status_message_edited_in_place_until_the_summary()
    {
        await _bot.AskAsync("/broadcast 2020-03-06", "admin");
        Assert.Equal("Diffusion 2020-03-06#1 lancée.", (await _bot.AskAsync("/confirm", "admin")).NoticeText());
        await Broadcasts.WaitAsync("2020-03-06#1");

        var sent = Assert.Single(_notifier.Sent);
        Assert.Equal(new ChatKey("console", "admin"), sent.Chat);
        var last = _notifier.Edits.IsEmpty ? sent.Text : _notifier.Edits.Last().Text;
        Assert.Contains("Diffusion 2020-03-06#1 terminée", last);
        Assert.Contains("envoyés 12 · échecs 0 · bloqués 0 · restants 0", last);
    }

    [Fact]
    public async Task Without_a_Telegram_token_its_subscribers_are_left_out_and_the_editor_is_told()
    {
        for (var i = 0; i < 3; i++)
            _bot.Chats.Save(new Chat { Key = new ChatKey("telegram", $"{1000 + i}"), Kind = ChatKind.Private, Language = "fr", State = SubscriptionState.Active, UpdatedAt = DateTimeOffset.UtcNow });

        var plan = (await _bot.AskAsync("/broadcast 2020-03-06", "admin")).NoticeText();

        Assert.Contains("12 envois", plan);
        Assert.Contains("telegram est désactivé : cette diffusion laisse de côté 3 conversations abonnées ; un prochain /broadcast les servira une fois le canal activé.", plan);
        Assert.DoesNotContain("telegram :", plan);
        await _bot.AskAsync("/confirm", "admin");
        var summary = await Broadcasts.WaitAsync("2020-03-06#1");
        Assert.Equal((BroadcastState.Completed, 12, 12), (summary!.State, summary.Total, summary.Sent));
    }

    [Fact]
    public async Task The_Telegram_sender_is_off_without_a_token_and_on_with_one()
    {
        Assert.False(_bot.Services.GetServices<IEditionSender>().Single(s => s.Channel == "telegram").IsEnabled);

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Telegram:BotToken"] = "7000000001:FakeTokenForLoopbackTests" });
        builder.AddTelegram();
        using var withToken = builder.Build();
        Assert.True(withToken.Services.GetServices<IEditionSender>().Single(s => s.Channel == "telegram").IsEnabled);
    }

    [Fact]
    public void A_request_waits_ten_minutes_for_its_confirmation()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        var requests = new BroadcastRequests(new MemoryBroadcastRequestStore(), clock);
        var chat = new ChatKey("console", "admin");

        requests.Add(chat, "2020-03-06", force: true);
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(new BroadcastRequest("2020-03-06", true, clock.GetUtcNow() + TimeSpan.FromMinutes(1)), requests.Take(chat));
        Assert.Null(requests.Take(chat));

        requests.Add(chat, "2020-03-06", force: false);
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(requests.Take(chat));
    }

    [Fact]
    public async Task Cancel_drops_a_pending_request()
    {
        await _bot.AskAsync("/broadcast", "admin");
        Assert.Contains("rien n’a été envoyé", (await _bot.AskAsync("/cancel", "admin")).NoticeText());
        Assert.Contains("Rien à confirmer", (await _bot.AskAsync("/confirm", "admin")).NoticeText());
        Assert.Contains("Aucune diffusion", (await _bot.AskAsync("/cancel", "admin")).NoticeText());
        Assert.Empty(_sender.Received);
    }

    [Fact]
    public async Task Unpublish_is_refused_while_the_edition_is_being_broadcast_and_allowed_once_it_is_over()
    {
        _sender.Gate = new TaskCompletionSource();
        await _bot.AskAsync("/broadcast 2020-03-06", "admin");
        await _bot.AskAsync("/confirm", "admin");
        await _sender.FirstCall.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var refused = (await _bot.AskAsync("/unpublish 2020-03-06", "admin")).NoticeText();

        Assert.Equal("L’édition du 6 mars 2020 est en cours de diffusion (2020-03-06#1) : elle ne peut pas être retirée maintenant. "
            + "/broadcast 2020-03-06 montre où en est la diffusion ; recommencez quand elle est terminée ou arrêtée.", refused);
        Assert.NotNull(_bot.Services.GetRequiredService<IEditionArchive>().Get("2020-03-06"));
        _sender.Gate.SetResult();
        Assert.Equal(BroadcastState.Completed, (await Broadcasts.WaitAsync("2020-03-06#1"))!.State);
        Assert.Equal(12, _sender.Received.Count);
        Assert.Contains("est retirée", (await _bot.AskAsync("/unpublish 2020-03-06", "admin")).NoticeText());
        Assert.Null(_bot.Services.GetRequiredService<IEditionArchive>().Get("2020-03-06"));
    }

    [Fact]
    public async Task Cancel_stops_a_running_broadcast_and_broadcast_again_serves_only_the_others()
    {
        _sender.Gate = new TaskCompletionSource();
        await _bot.AskAsync("/broadcast 2020-03-06", "admin");
        await _bot.AskAsync("/confirm", "admin");
        await _sender.FirstCall.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // While it runs, a second /broadcast shows its progress instead of a new plan.
        Assert.Contains("Diffusion 2020-03-06#1 en cours", (await _bot.AskAsync("/broadcast 2020-03-06", "admin")).NoticeText());
        Assert.Contains("Diffusion 2020-03-06#1 arrêtée", (await _bot.AskAsync("/cancel", "admin")).NoticeText());
        _sender.Gate.SetResult();
        var stopped = await Broadcasts.WaitAsync("2020-03-06#1");
        Assert.Equal(BroadcastState.Cancelled, stopped!.State);
        var first = _sender.Received.Count;
        Assert.True(first < 12, $"{first} sent before the cancel");

        await _bot.AskAsync("/broadcast 2020-03-06", "admin");
        var resumed = (await _bot.AskAsync("/confirm", "admin")).NoticeText();
        Assert.Equal("Diffusion 2020-03-06#2 lancée.", resumed);
        await Broadcasts.WaitAsync("2020-03-06#2");
        Assert.Equal(12, _sender.Received.Count);
        Assert.Equal(12, _sender.Received.Distinct().Count());
    }

    [Fact]
    public async Task A_broadcast_is_scheduled_at_a_local_time_and_stats_list_it()
    {
        var reply = (await _bot.AskAsync("/broadcast 2020-03-06 at 2099-03-06T09:00 Europe/Paris", "admin")).NoticeText();

        Assert.Equal("Diffusion de 2020-03-06 programmée à 2099-03-06 08:00 UTC (at:2020-03-06@2099-03-06T08:00Z).", reply);
        Assert.Contains("at:2020-03-06@2099-03-06T08:00Z: 2020-03-06 2099-03-06 08:00 UTC", Stats());
        Assert.Contains("non programmée", (await _bot.AskAsync("/broadcast 2020-03-06 at 2020-03-06T09:00 Europe/Paris", "admin")).NoticeText());
        Assert.Contains("non programmée", (await _bot.AskAsync("/broadcast at 2099-03-06T09:00 Mars/Olympus", "admin")).NoticeText());
        Assert.Contains("/broadcast [édition]", (await _bot.AskAsync("/broadcast at tomorrow", "admin")).NoticeText());
        Assert.Contains("annulée", (await _bot.AskAsync("/cancel at:2020-03-06@2099-03-06T08:00Z", "admin")).NoticeText());
        Assert.DoesNotContain("at:2020-03-06", Stats());
    }

    [Fact]
    public async Task The_console_prints_the_plan_then_the_progress_as_new_lines_until_the_summary()
    {
        await using var bot = await BotUnderTest.StartAsync(builder => builder.Services.AddSingleton<IEditionSender>(_sender),
            ("Delivery:Other:MessagesPerSecond", "1000"));
        bot.Chats.Save(new Chat { Key = new ChatKey(RecordingSender.Name, "x"), Kind = ChatKind.Private, Language = "fr", State = SubscriptionState.Active, UpdatedAt = DateTimeOffset.UtcNow });
        var input = new LineFeed();
        var output = new StringWriter();
        var chat = new ConsoleChat(bot.Engine, bot.Services.GetRequiredService<ConsoleNotifier>()).RunAsync(input, output, "admin", "en", CancellationToken.None);

        input.Write("/broadcast 2020-03-06");
        input.Write("/confirm");
        var service = bot.Services.GetRequiredService<BroadcastService>();
        await WaitUntilAsync(() => service.History(1).Count == 1);
        await service.WaitAsync("2020-03-06#1");
        await WaitUntilAsync(() => output.ToString().Contains("Broadcast 2020-03-06#1 completed", StringComparison.Ordinal));
        input.Write(null);
        await chat;

        var text = output.ToString();
        Assert.Contains("test: 1 private, 0 groups, 0 channels; 0 already served, 1 to send", text);
        Assert.Contains("Broadcast 2020-03-06#1 started.", text);
        Assert.Contains("sent 1 · failed 0 · blocked 0 · remaining 0", text);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition());
    }

    /// <summary>Console input typed line by line; null ends it.</summary>
    private sealed class LineFeed : TextReader
    {
        private readonly System.Threading.Channels.Channel<string?> _lines = System.Threading.Channels.Channel.CreateUnbounded<string?>();

        public void Write(string? line) => _lines.Writer.TryWrite(line);

        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => await _lines.Reader.ReadAsync(cancellationToken);
    }

    private string Stats() => _bot.AskAsync("/stats", "admin").GetAwaiter().GetResult().Single<NoticeCard>().Text;

    private sealed class RecordingSender : IEditionSender
    {
        public const string Name = "test";
        public ConcurrentQueue<string> Received { get; } = new();
        public TaskCompletionSource? Gate { get; set; }
        public TaskCompletionSource FirstCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string Channel => Name;

        public async Task<SendOutcome> SendAsync(Chat chat, Edition edition, DeliveryMode mode, CancellationToken cancellationToken)
        {
            FirstCall.TrySetResult();
            if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
            Received.Enqueue($"{chat.Key.Id}:{edition.Id}");
            return new SendOutcome.Sent(Guid.NewGuid().ToString("N"));
        }
    }

    private sealed class RecordingNotifier : IChatNotifier
    {
        public ConcurrentQueue<(ChatKey Chat, string Text)> Sent { get; } = new();
        public ConcurrentQueue<(string Id, string Text)> Edits { get; } = new();
        public string Channel => "console";

        public Task<string?> SendAsync(ChatKey chat, Card card, CancellationToken cancellationToken)
        {
            Sent.Enqueue((chat, ((NoticeCard)card).Text));
            return Task.FromResult<string?>("status-1");
        }

        public Task EditAsync(ChatKey chat, string messageId, Card card, CancellationToken cancellationToken)
        {
            Edits.Enqueue((messageId, ((NoticeCard)card).Text));
            return Task.CompletedTask;
        }
    }
}
