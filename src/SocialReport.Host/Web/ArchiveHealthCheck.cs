using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocialReport.Core.Archive;

namespace SocialReport.Host.Web;

/// <summary>Ready when the archive answers; channel adapters add their own checks to the same list.</summary>
internal sealed class ArchiveHealthCheck(IEditionArchive archive) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var count = archive.Count();
            return Task.FromResult(HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{count} editions")));
        }
        catch (DbException e)
        {
            // The driver's message names the server or the refusal, never the connection string's password.
            return Task.FromResult(HealthCheckResult.Unhealthy($"The archive cannot be read: the database does not answer ({e.Message}).", e));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The archive cannot be read.", e));
        }
    }
}
