using Microsoft.Extensions.Hosting;

namespace SocialReport.Teams;

/// <summary>Says at start-up, in one line, whether the Teams adapter is on, and warns loudly when it accepts anyone.</summary>
internal sealed class TeamsStartupNotice(IOptions<TeamsOptions> options, ILogger<TeamsStartupNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var teams = options.Value;
        if (!teams.Enabled)
            logger.TeamsAdapterOff();
        else if (teams.AllowUnauthenticated)
            logger.TeamsAdapterUnauthenticated();
        else
            logger.TeamsAdapterOn(teams.AppId, string.IsNullOrWhiteSpace(teams.TenantId) ? "multi-tenant" : $"single-tenant {teams.TenantId}");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
