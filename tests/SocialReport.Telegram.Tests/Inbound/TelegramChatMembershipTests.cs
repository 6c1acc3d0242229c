using SocialReport.Core.Readers;
using SocialReport.Telegram.Inbound;
using SocialReport.Telegram.Tests.FakeServerTests;
using SocialReport.Testing.Telegram;

namespace SocialReport.Telegram.Tests.Inbound;

public class TelegramChatMembershipTests(FakeBotApi api) : IClassFixture<FakeBotApi>
{
    private const long Channel = -1001234567890;

    [Fact]
    public async Task Admins_are_told_from_members_and_strangers()
    {
        await using var fake = api.Start(TestBot.Quiet);
        using var host = AdapterServices.Build(fake);
        fake.AddChat(-500, "group", "Veille");
        fake.AddUser(7, "Admin");
        fake.AddUser(8, "Member");
        fake.SetAdministrators(-500, 7);
        fake.SendText(-500, 8, "hello");
        var membership = host.Get<TelegramChatMembership>();
        var group = new ChatKey("telegram", "-500");

        Assert.True(await membership.IsAdminAsync(group, "7", default));
        Assert.False(await membership.IsAdminAsync(group, "8", default));
        Assert.False(await membership.IsAdminAsync(group, "999", default));
        Assert.False(await membership.IsAdminAsync(new ChatKey("telegram", "-404"), "7", default));
        Assert.False(await membership.IsAdminAsync(group, "not a number", default));
    }

    [Fact]
    public async Task A_channel_resolves_by_its_name_only_where_the_bot_is_admin()
    {
        await using var fake = api.Start(TestBot.Quiet);
        using var host = AdapterServices.Build(fake);
        fake.AddChat(Channel, "channel", "The Social Report", "socialreport");
        fake.AddChat(-1009876543210, "channel", "Elsewhere", "elsewhere");
        fake.ChangeMyChatMember(-1009876543210, "administrator", "member", byUserId: 7);
        var membership = host.Get<TelegramChatMembership>();

        Assert.Equal(new ResolvedChat(new ChatKey("telegram", "-1001234567890"), ChatKind.Channel, "The Social Report"),
            await membership.ResolveAsync("@socialreport", default));
        Assert.Equal(Channel.ToString(System.Globalization.CultureInfo.InvariantCulture), (await membership.ResolveAsync("socialreport", default))?.Key.Id);
        Assert.Null(await membership.ResolveAsync("@elsewhere", default));
        Assert.Null(await membership.ResolveAsync("@nowhere", default));
    }
}
