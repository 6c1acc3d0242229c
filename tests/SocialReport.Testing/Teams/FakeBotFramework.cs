using Microsoft.AspNetCore.Http;

namespace SocialReport.Testing.Teams;

/// <summary>
/// The fake Bot Framework's loopback server, started once per test class (<c>IClassFixture&lt;FakeBotFramework&gt;</c>).
/// Each test starts a <see cref="FakeConnector"/> of its own on it, one at a time as the tests of a class run, so that
/// nothing a test did (requests, faults, limits, keys) reaches the next one.
/// </summary>
public sealed class FakeBotFramework : IAsyncLifetime
{
    private LoopbackServer? server;
    private FakeConnector? current;

    public string BaseUrl => server?.BaseUrl ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>A fresh fake connector on this server, whose rate-limit windows run on <paramref name="time"/>.</summary>
    public FakeConnector Start(TimeProvider? time = null) => Add(time, ownsServer: false);

    internal FakeConnector Add(TimeProvider? time, bool ownsServer)
    {
        var fake = new FakeConnector(this, ownsServer, time ?? TimeProvider.System);
        if (Interlocked.CompareExchange(ref current, fake, null) is not null)
            throw new InvalidOperationException("One fake connector at a time on a server: dispose the previous one first.");
        return fake;
    }

    internal void Remove(FakeConnector fake) => Interlocked.CompareExchange(ref current, null, fake);

    public async Task InitializeAsync() =>
        server = await LoopbackServer.StartAsync(
            context => Volatile.Read(ref current) is { } fake ? fake.HandleAsync(context) : NotFound(context),
            listen => listen.Use(next => connection =>
            {
                Volatile.Read(ref current)?.CountConnection();
                return next(connection);
            }));

    public async Task DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
