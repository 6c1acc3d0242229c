using Microsoft.AspNetCore.Http;

namespace SocialReport.Testing.Teams;

/// <summary>
/// The fake Bot Framework's loopback server, started once per test class (<c>IClassFixture&lt;FakeBotFramework&gt;</c>).
/// Each test starts a <see cref="FakeConnector"/> of its own on it, one at a time as the tests of a class run, so that
/// nothing a test did (requests, faults, limits, keys) reaches the next one.
/// </summary>
public sealed class FakeBotFramework : IAsyncLifetime
{
    private LoopbackServer? _server;
    private FakeConnector? _current;

    public string BaseUrl => _server?.BaseUrl ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>A fresh fake connector on this server, whose rate-limit windows run on <paramref name="time"/>.</summary>
    public FakeConnector Start(TimeProvider? time = null) => Add(time, ownsServer: false);

    internal FakeConnector Add(TimeProvider? time, bool ownsServer)
    {
        var fake = new FakeConnector(this, ownsServer, time ?? TimeProvider.System);
        if (Interlocked.CompareExchange(ref _current, fake, null) is not null)
            throw new InvalidOperationException("One fake connector at a time on a server: dispose the previous one first.");
        return fake;
    }

    internal void Remove(FakeConnector fake) => Interlocked.CompareExchange(ref _current, null, fake);

    public async Task InitializeAsync() =>
        _server = await LoopbackServer.StartAsync(
            context => Volatile.Read(ref _current) is { } fake ? fake.HandleAsync(context) : NotFound(context),
            listen => listen.Use(next => connection =>
            {
                Volatile.Read(ref _current)?.CountConnection();
                return next(connection);
            }));

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
