using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SocialReport.Storage.PostgreSql;

/// <summary>
/// A host started while its database does not answer keeps running (<c>/readyz</c> says why it is not ready) and tries
/// again, 1 s, 2 s, 4 s… apart up to 30 s, until the server answers and the schema is migrated. A database migrated by a
/// newer build stops the host, as it does at start.
/// </summary>
public sealed partial class PostgreSqlStartup(PostgreSqlStore store, TimeProvider time, ILogger<PostgreSqlStartup> logger) : BackgroundService
{
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!store.IsOpen)
        {
            try
            {
                store.Open();
                Reached(logger, failures);
            }
            catch (NpgsqlException e)
            {
                failures++;
                var delay = TimeSpan.FromSeconds(Math.Min(LongestBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 10))));
                // Npgsql's messages name the server, never the password.
                Unreachable(logger, failures, delay, e.Message);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PostgreSQL database does not answer ({Failures} tries): {Reason}; trying again in {Delay}")]
    private static partial void Unreachable(ILogger logger, int failures, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The PostgreSQL database answers (after {Failures} failed tries)")]
    private static partial void Reached(ILogger logger, int failures);
}
