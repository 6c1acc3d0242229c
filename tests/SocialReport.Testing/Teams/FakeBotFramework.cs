using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocialReport.Testing.Teams;

/// <summary>
/// The fake Bot Framework's loopback server, started once per test class (<c>IClassFixture&lt;FakeBotFramework&gt;</c>).
/// Each test starts a <see cref="FakeConnector"/> of its own on it, one at a time as the tests of a class run, so that
/// nothing a test did (requests, faults, limits, keys) reaches the next one.
/// </summary>
public sealed class FakeBotFramework : IAsyncLifetime
{
    private WebApplication? app;
    private FakeConnector? current;

    public string BaseUrl { get; private set; } = "";

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

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => connection =>
        {
            Volatile.Read(ref current)?.CountConnection();
            return next(connection);
        })));
        app = builder.Build();
        app.Run(context => Volatile.Read(ref current) is { } fake ? fake.HandleAsync(context) : NotFound(context));
        await app.StartAsync();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (app is null) return;
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
