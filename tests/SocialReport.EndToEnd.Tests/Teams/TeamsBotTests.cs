using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Teams;

/// <summary>
/// Tests of the real host talking to the fake connector: each test gets a host and a fresh fake of its own on the
/// class's server, and every card the host sent is checked at the end (version 1.5, allowed elements, size).
/// </summary>
public abstract class TeamsBotTests(FakeBotFramework botFramework) : IClassFixture<FakeBotFramework>, IAsyncLifetime
{
    protected FakeConnector _fake = null!;
    private protected TeamsBotHost _bot = null!;

    protected string Service => _fake.ServiceUrl;

    public Task InitializeAsync()
    {
        _fake = botFramework.Start();
        _bot = new TeamsBotHost(_fake);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _bot.Sent();
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }
}
