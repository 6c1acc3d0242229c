using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialReport.Testing.Teams;

namespace SocialReport.Teams.Tests;

/// <summary>The adapter's services as the host registers them, configured to talk to a fake connector.</summary>
public static class TeamsTestHost
{
    /// <summary>A fresh fake connector on the test class's server, and the adapter's services talking to it.</summary>
    public static (FakeConnector Fake, IHost Host) Start(FakeBotFramework server)
    {
        var fake = server.Start();
        return (fake, Build(fake));
    }

    public static async Task StopAsync(IHost host, FakeConnector fake)
    {
        host.Dispose();
        await fake.DisposeAsync();
    }

    /// <param name="environment">Production unless told (<c>Teams:AllowUnauthenticated</c> needs Development).</param>
    public static IHost Build(
        FakeConnector fake, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null, string? environment = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = environment ?? Environments.Production,
        });
        var settings = new Dictionary<string, string?>();
        foreach (var (key, value) in fake.AdapterSettings)
            settings[key] = value;
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTeams();
        services?.Invoke(builder.Services);
        return builder.Build();
    }
}
