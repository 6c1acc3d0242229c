using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Teams;

/// <summary>
/// Tests of the real host talking to the fake connector: each test gets a host and a fresh fake of its own on the
/// class's server, and every card the host sent is checked at the end (version 1.5, allowed elements, size).
/// </summary>
public abstract class TeamsBotTests(FakeBotFramework botFramework) : IClassFixture<FakeBotFramework>, IAsyncLifetime
{
    protected FakeConnector fake = null!;
    private protected TeamsBotHost bot = null!;

    protected string Service => fake.ServiceUrl;

    public Task InitializeAsync()
    {
        fake = botFramework.Start();
        bot = new TeamsBotHost(fake);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        bot.Sent();
        await bot.DisposeAsync();
        await fake.DisposeAsync();
    }
}
