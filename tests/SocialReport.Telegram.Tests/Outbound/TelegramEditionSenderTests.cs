using System.Globalization;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.Telegram.Outbound;
using SocialReport.Telegram.Tests.FakeServerTests;
using SocialReport.Testing.Telegram;
using Chat = SocialReport.Core.Readers.Chat;

namespace SocialReport.Telegram.Tests.Outbound;

public sealed class TelegramEditionSenderTests(FakeBotApi api) : IClassFixture<FakeBotApi>, IAsyncLifetime
{
    private FakeTelegramServer _fake = null!;
    private Microsoft.Extensions.Hosting.IHost _host = null!;

    private TelegramEditionSender Sender => _host.Get<TelegramEditionSender>();

    public Task InitializeAsync()
    {
        _fake = api.Start(TestBot.Quiet);
        _host = AdapterServices.Build(_fake);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _fake.DisposeAsync();
    }

    private static Chat ChatOf(long id, ChatKind kind = ChatKind.Private) => new()
    {
        Key = new ChatKey("telegram", id.ToString(CultureInfo.InvariantCulture)),
        Kind = kind,
        Language = "fr",
        State = SubscriptionState.Active,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public async Task The_edition_goes_as_one_cover_message_with_its_pager_and_no_link_preview()
    {
        _fake.AddChat(42);

        var outcome = await Sender.SendAsync(ChatOf(42), SeedEdition.Build(), DeliveryMode.Edition, default);

        var sent = Assert.Single(_fake.SentTo(42));
        Assert.Equal(new SendOutcome.Sent(sent.MessageId.ToString(CultureInfo.InvariantCulture)), outcome);
        Assert.StartsWith("Social Report · 6 mars 2020", sent.PlainText);
        Assert.Equal("sendMessage", sent.Method);
        Assert.Equal("html", sent.ParseMode?.ToLowerInvariant());
        Assert.Equal(["/read 2020-03-06/1", "/read 2020-03-06/2", "/read 2020-03-06/3", "/read 2020-03-06/4"],
            sent.AllButtons.Where(b => b.CallbackData is not null).Select(b => b.CallbackData));
        Assert.Contains("\"is_disabled\":true", sent.LinkPreviewOptionsJson);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_message_asks_for_a_paid_broadcast_when_the_pace_counts_on_one(bool paid)
    {
        using var host = AdapterServices.Build(_fake, ("Delivery:Telegram:PaidBroadcast", paid ? "true" : "false"));
        _fake.AddChat(-500, "group", "Veille");

        await host.Get<TelegramEditionSender>().SendAsync(ChatOf(-500, ChatKind.Group), SeedEdition.Build(), DeliveryMode.Cards, default);

        var sent = _fake.SentTo(-500);
        Assert.Equal(5, sent.Count);
        Assert.All(sent, m => Assert.Equal(paid, m.PaidBroadcast));
    }

    [Fact]
    public async Task A_chat_that_chose_silent_gets_every_message_without_a_notification_and_others_with_one()
    {
        _fake.AddChat(42);
        _fake.AddChat(43);

        await Sender.SendAsync(ChatOf(42) with { Silent = true }, SeedEdition.Build(), DeliveryMode.Cards, default);
        await Sender.SendAsync(ChatOf(43), SeedEdition.Build(), DeliveryMode.Edition, default);

        Assert.Equal(5, _fake.SentTo(42).Count);
        Assert.All(_fake.SentTo(42), message => Assert.True(message.DisableNotification));
        Assert.False(Assert.Single(_fake.SentTo(43)).DisableNotification);
    }

    [Fact]
    public async Task Cards_mode_sends_the_cover_then_one_message_per_story_and_returns_the_covers_id()
    {
        _fake.AddChat(-500, "group", "Veille");

        var outcome = await Sender.SendAsync(ChatOf(-500, ChatKind.Group), SeedEdition.Build(), DeliveryMode.Cards, default);

        var sent = _fake.SentTo(-500);
        Assert.Equal(5, sent.Count);
        Assert.Equal(sent[0].MessageId.ToString(CultureInfo.InvariantCulture), Assert.IsType<SendOutcome.Sent>(outcome).MessageId);
        Assert.Equal(["1/4", "2/4", "3/4", "4/4"], sent.Skip(1).Select(m => m.PlainText[..3]));
    }

    [Fact]
    public async Task A_reader_who_blocked_the_bot_is_Blocked()
    {
        _fake.AddChat(43);
        _fake.Block(43);

        var outcome = await Sender.SendAsync(ChatOf(43), SeedEdition.Build(), DeliveryMode.Edition, default);

        Assert.Equal(new SendOutcome.Blocked("403 Forbidden: bot was blocked by the user"), outcome);
    }

    [Fact]
    public async Task Deleted_unknown_deactivated_and_kicked_chats_are_Gone()
    {
        _fake.AddChat(44);
        _fake.Delete(44);
        _fake.AddChat(45);
        _fake.Deactivate(45);
        _fake.ChangeMyChatMember(-600, "left", "member", "group", byUserId: 7);
        _fake.Kick(-600);

        Assert.Equal(new SendOutcome.Gone("400 Bad Request: chat not found"), await Sender.SendAsync(ChatOf(44), SeedEdition.Build(), DeliveryMode.Edition, default));
        Assert.Equal(new SendOutcome.Gone("400 Bad Request: chat not found"), await Sender.SendAsync(ChatOf(99), SeedEdition.Build(), DeliveryMode.Edition, default));
        Assert.Equal(new SendOutcome.Gone("403 Forbidden: user is deactivated"), await Sender.SendAsync(ChatOf(45), SeedEdition.Build(), DeliveryMode.Edition, default));
        Assert.Equal(new SendOutcome.Gone("403 Forbidden: bot was kicked from the group chat"),
            await Sender.SendAsync(ChatOf(-600, ChatKind.Group), SeedEdition.Build(), DeliveryMode.Edition, default));
    }

    [Fact]
    public async Task A_throttled_send_returns_RetryAfter_at_once_without_a_retry_of_its_own()
    {
        _fake.AddChat(46);
        _fake.ThrottleNext(1, retryAfterSeconds: 7, chatId: 46);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var outcome = await Sender.SendAsync(ChatOf(46), SeedEdition.Build(), DeliveryMode.Edition, default);

        Assert.Equal(new SendOutcome.RetryAfter(TimeSpan.FromSeconds(7)), outcome);
        Assert.Equal(1, _fake.RequestCount("sendMessage"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "the broadcast client must not wait out a 429 itself (RetryThreshold = 0)");
        Assert.Empty(_fake.SentTo(46));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    public async Task Server_errors_are_Transient(int status)
    {
        _fake.AddChat(47);
        _fake.FailNext(1, status, chatId: 47);

        var outcome = await Sender.SendAsync(ChatOf(47), SeedEdition.Build(), DeliveryMode.Edition, default);

        Assert.IsType<SendOutcome.Transient>(outcome);
        Assert.Empty(_fake.SentTo(47));
    }

    [Fact]
    public async Task A_group_that_became_a_supergroup_is_Moved_to_its_new_id()
    {
        _fake.SendText(-700, 7, "/start", "group");
        _fake.Migrate(-700, -1000000000700);

        var outcome = await Sender.SendAsync(ChatOf(-700, ChatKind.Group), SeedEdition.Build(), DeliveryMode.Edition, default);

        Assert.Equal(new SendOutcome.Moved("-1000000000700"), outcome);
    }

    [Fact]
    public async Task A_throttle_after_the_cover_is_waited_out_rather_than_the_edition_resent()
    {
        var limits = new FakeRateLimits { PerChat = new(1, TimeSpan.FromSeconds(1)), PerGroup = null, Overall = null };
        await using var fake = api.Start(TestBot.Quiet with { RateLimits = limits });
        using var host = AdapterServices.Build(fake);
        fake.AddChat(48);
        var edition = SeedEdition.Build();
        edition = edition with { Stories = [edition.Stories[0]] };

        var outcome = await host.Get<TelegramEditionSender>().SendAsync(ChatOf(48), edition, DeliveryMode.Cards, default);

        var sent = fake.SentTo(48);
        Assert.Equal(sent[0].MessageId.ToString(CultureInfo.InvariantCulture), Assert.IsType<SendOutcome.Sent>(outcome).MessageId);
        Assert.Equal(2, sent.Count);
        Assert.Equal(1, fake.TooManyRequestsReturned);
        Assert.Equal(3, fake.RequestCount("sendMessage"));
    }

    [Fact]
    public async Task Every_message_of_a_cards_delivery_is_recorded_and_a_recall_deletes_each_once()
    {
        _fake.AddChat(42);
        var outcome = Assert.IsType<SendOutcome.Sent>(await Sender.SendAsync(ChatOf(42), SeedEdition.Build(), DeliveryMode.Cards, default));

        var sent = _fake.SentTo(42).Select(m => m.MessageId.ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.True(sent.Count > 1);
        Assert.Equal(sent, outcome.MessageIds);
        Assert.Equal(TimeSpan.FromHours(48), Sender.DeleteWindow);
        foreach (var id in outcome.MessageIds) Assert.IsType<DeleteOutcome.Deleted>(await Sender.DeleteAsync(ChatOf(42), id, default));
        var again = Assert.IsType<DeleteOutcome.Refused>(await Sender.DeleteAsync(ChatOf(42), outcome.MessageId, default));
        Assert.Equal(RecallState.NotFound, again.State);
        Assert.Equal(sent.Count, _fake.Deleted.Count);
    }
}
