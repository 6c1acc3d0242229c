using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialReport.Teams;

/// <summary>Says at start-up, in one line, whether the Teams adapter is on, and warns loudly when it accepts anyone.</summary>
internal sealed class TeamsStartupNotice(IOptions<TeamsOptions> options, ILogger<TeamsStartupNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var teams = options.Value;
        if (!teams.Enabled)
            logger.LogInformation("Teams adapter off: set Teams:AppId (and Teams:AppPassword) to turn it on.");
        else if (teams.AllowUnauthenticated)
            logger.LogWarning("Teams adapter UNAUTHENTICATED (Teams:AllowUnauthenticated=true): activities are accepted without a token, and the connector is called without one. For local emulators only (Development environment).");
        else
            logger.LogInformation("Teams adapter on for app {AppId} ({Tenancy}).", teams.AppId,
                string.IsNullOrWhiteSpace(teams.TenantId) ? "multi-tenant" : $"single-tenant {teams.TenantId}");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
