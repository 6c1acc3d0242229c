using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using SocialReport.Core.Cards;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Host.Tests.Commands;

public sealed class PrivacyCommandTests : IAsyncLifetime
{
    private static readonly ChatKey Ana = new("console", "ana");
    private readonly IChatMembership _membership = Substitute.For<IChatMembership>();
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync()
    {
        _membership.Channel.Returns("console");
        _bot = await BotUnderTest.StartAsync(b => b.Services.AddSingleton(_membership));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Time_zone_quiet_hours_and_silence_are_kept_on_the_chat_and_bad_values_get_the_usage()
    {
        Assert.Contains("Europe/Paris", (await _bot.AskAsync("/quiet", "ana")).NoticeText());
        Assert.Contains("/timezone Europe/Paris", (await _bot.AskAsync("/timezone Mars/Olympus", "ana")).NoticeText());
        Assert.Contains("/timezone", (await _bot.AskAsync("/timezone " + new string('x', 5000), "ana")).NoticeText());
        Assert.Null(_bot.Chats.Get(Ana));

        Assert.Contains("America/New_York", (await _bot.AskAsync("/timezone America/New_York", "ana")).NoticeText());
        var quiet = (await _bot.AskAsync("/calme 22h-7h", "ana")).NoticeText();
        Assert.Contains("22:00-07:00 (America/New_York)", quiet);
        Assert.Contains("/quiet 22:00-07:00", (await _bot.AskAsync("/quiet 25:00-07:00", "ana")).NoticeText());
        Assert.Contains("sans notification", (await _bot.AskAsync("/silent on", "ana")).NoticeText());
        var chat = _bot.Chats.Get(Ana)!;
        Assert.Equal(("America/New_York", "22:00-07:00", true, SubscriptionState.New), (chat.TimeZone, chat.QuietHours.ToString(), chat.Silent, chat.State));

        await _bot.AskAsync("/quiet off", "ana");
        await _bot.AskAsync("/silencieux non", "ana");
        chat = _bot.Chats.Get(Ana)!;
        Assert.Equal((null, false), (chat.QuietHours, chat.Silent));
    }

    [Fact]
    public async Task Mydata_shows_what_is_kept_and_forget_asks_first_then_erases_it_all_but_the_counts()
    {
        Assert.Contains("Rien n’est gardé", (await _bot.AskAsync("/mesdonnees", "ana")).NoticeText());
        await _bot.AskAsync("/start", "ana");
        await _bot.AskAsync("/lang en", "ana");
        await _bot.AskAsync("/quiet 22:00-07:00", "ana");
        var ledger = _bot.Services.GetRequiredService<IDeliveryLedger>();
        var broadcast = ledger.Create("2020-03-06", false, DeliveryMode.Edition, "telegram:1", [Ana, new ChatKey("console", "bob")]);

        var kept = (await _bot.AskAsync("/mydata", "ana")).Single<NoticeCard>();
        Assert.Equal("What the bot keeps about this chat", kept.Title);
        foreach (var part in new[] { "console:ana", "Language: en", "active", "/start", "Time zone: Europe/Paris", "Quiet hours: 22:00-07:00", "Silent: off", "with its id: 1", "90 days" })
            Assert.Contains(part, kept.Text);

        var ask = (await _bot.AskAsync("/forget", "ana")).Single<NoticeCard>();
        Assert.Contains("cannot be undone", ask.Text);
        Assert.NotNull(_bot.Chats.Get(Ana));
        var confirm = ask.Action("Delete everything");
        Assert.Equal("/forget confirm", confirm.Command);

        Assert.Contains("nothing is kept", (await _bot.AskAsync(confirm.Command!, "ana", fromButton: true)).NoticeText());
        Assert.Null(_bot.Chats.Get(Ana));
        Assert.Null(ledger.Row(broadcast.Id, Ana));
        Assert.Equal(new DeliveryCounts(Pending: 1, Sent: 0, Failed: 0, Blocked: 0, Gone: 0, Skipped: 1), ledger.Counts(broadcast.Id));
        Assert.Contains("Rien n’est gardé", (await _bot.AskAsync("/mydata", "ana")).NoticeText());
        Assert.Contains("Rien n’est gardé", (await _bot.AskAsync("/oublier confirm", "ana")).NoticeText());
    }

    [Fact]
    public async Task In_a_group_only_its_admins_change_the_delivery_settings_or_erase_the_group()
    {
        var group = new ChatKey("console", "-100");
        _membership.IsAdminAsync(group, "7", Arg.Any<CancellationToken>()).Returns(true);

        foreach (var command in new[] { "/quiet 22:00-07:00", "/timezone UTC", "/silent on", "/forget", "/forget confirm" })
            Assert.Contains("administrateurs", (await _bot.AskInAsync(group, ChatKind.Group, "8", command)).NoticeText());
        Assert.Null(_bot.Chats.Get(group));

        await _bot.AskInAsync(group, ChatKind.Group, "7", "/quiet 22:00-07:00");
        Assert.Equal("22:00-07:00", _bot.Chats.Get(group)!.QuietHours.ToString());
        Assert.Equal(ChatKind.Group, _bot.Chats.Get(group)!.Kind);
        Assert.Contains("22:00-07:00", (await _bot.AskInAsync(group, ChatKind.Group, "8", "/mydata")).NoticeText());
        await _bot.AskInAsync(group, ChatKind.Group, "7", "/forget confirm");
        Assert.Null(_bot.Chats.Get(group));
    }
}
