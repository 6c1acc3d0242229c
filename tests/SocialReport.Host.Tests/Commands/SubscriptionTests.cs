using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using SocialReport.Core.Cards;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Host.Tests.Commands;

public sealed class SubscriptionTests : IAsyncLifetime
{
    private readonly IChatMembership _membership = Substitute.For<IChatMembership>();
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync()
    {
        _membership.Channel.Returns("console");
        _bot = await BotUnderTest.StartAsync(b => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(b.Services, _membership),
            ("Admins:Console:1", "42"));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Start_welcomes_subscribes_and_shows_the_latest_cover_then_stop_and_subscribe_again()
    {
        var start = await _bot.AskAsync("/start", "ana");
        Assert.Contains("Bienvenue", Assert.IsType<NoticeCard>(start.Cards[0]).Text);
        Assert.Equal("2020-03-27", Assert.IsType<CoverCard>(start.Cards[1]).EditionId);
        var chat = _bot.Chats.Get(new ChatKey("console", "ana"))!;
        Assert.Equal(SubscriptionState.Active, chat.State);
        // Broadcasts go to the channels that have a sender: never to the console, which is for trying the bot.
        Assert.DoesNotContain(_bot.Services.GetServices<IEditionSender>(), sender => sender.Channel == chat.Key.Channel);

        Assert.Contains("/start", (await _bot.AskAsync("/stop", "ana")).NoticeText());
        Assert.Equal(SubscriptionState.Stopped, _bot.Chats.Get(new ChatKey("console", "ana"))!.State);
        Assert.Contains("n’était pas abonnée", (await _bot.AskAsync("/unsubscribe", "ana")).NoticeText());

        Assert.Contains("abonnée", (await _bot.AskAsync("/subscribe", "ana")).NoticeText());
        Assert.Equal(SubscriptionState.Active, _bot.Chats.Get(new ChatKey("console", "ana"))!.State);
    }

    [Fact]
    public async Task In_a_group_only_its_admins_or_an_editor_change_the_subscription()
    {
        var group = new ChatKey("console", "-100");
        _membership.IsAdminAsync(group, "7", Arg.Any<CancellationToken>()).Returns(true);

        Assert.Contains("administrateurs", (await _bot.AskInAsync(group, ChatKind.Group, "8", "/start")).Cards[0] is NoticeCard n ? n.Text : "");
        Assert.Null(_bot.Chats.Get(group));

        await _bot.AskInAsync(group, ChatKind.Group, "7", "/start");
        Assert.Equal(SubscriptionState.Active, _bot.Chats.Get(group)!.State);

        Assert.Contains("administrateurs", (await _bot.AskInAsync(group, ChatKind.Group, "8", "/stop")).NoticeText());
        await _bot.AskInAsync(group, ChatKind.Group, "42", "/stop");
        Assert.Equal(SubscriptionState.Stopped, _bot.Chats.Get(group)!.State);
    }

    [Fact]
    public async Task An_editor_subscribes_a_channel_they_administer()
    {
        var channel = new ChatKey("console", "-1009");
        _membership.ResolveAsync("@socialnews", Arg.Any<CancellationToken>()).Returns(new ResolvedChat(channel, ChatKind.Channel, "Social News"));
        _membership.IsAdminAsync(channel, "42", Arg.Any<CancellationToken>()).Returns(true);
        var editorChat = new ChatKey("console", "42");

        Assert.Contains("réservée", (await _bot.AskInAsync(new ChatKey("console", "5"), ChatKind.Private, "5", "/subscribe @socialnews")).NoticeText());
        Assert.Null(_bot.Chats.Get(channel));

        Assert.Contains("Social News", (await _bot.AskInAsync(editorChat, ChatKind.Private, "42", "/subscribe @socialnews")).NoticeText());
        var subscribed = _bot.Chats.Get(channel)!;
        Assert.Equal((SubscriptionState.Active, ChatKind.Channel), (subscribed.State, subscribed.Kind));
        Assert.Equal("/subscribe @socialnews by 42", subscribed.SubscribedVia);
    }

    [Fact]
    public async Task Lang_switches_the_interface_language_of_the_chat()
    {
        Assert.Contains("English", (await _bot.AskAsync("/lang en", "bo")).NoticeText());
        Assert.Contains("don't know", (await _bot.AskAsync("/frobnicate", "bo")).NoticeText());
        Assert.Equal("Contents", (await _bot.AskAsync("/read 2020-03-06/2", "bo")).Single<StoryCard>().AllActions().Select(a => a.Label).Single(l => l is "Contents" or "Sommaire"));
        Assert.Contains("/lang fr", (await _bot.AskAsync("/lang de", "bo")).NoticeText());
    }
}
