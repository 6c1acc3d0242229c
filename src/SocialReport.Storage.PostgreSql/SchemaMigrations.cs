using System.Globalization;
using Microsoft.Extensions.Logging;

namespace SocialReport.Storage.PostgreSql;

/// <summary>
/// The schema comes from the numbered SQL files under <c>Migrations/</c> (embedded), applied in order, each in its own
/// transaction with its row in <c>schema_version</c>. Hosts starting together take turns on an advisory lock; a
/// database migrated by a newer build is refused. Every step not applied yet is applied, not only those above the
/// highest applied one: migrations numbered on branches in parallel may be merged after a higher one ran.
/// </summary>
public static partial class SchemaMigrations
{
    // Any constant: the lock only has to be the same for every SocialReport host.
    private const long MigrationLock = 0x50_63_52_65_70_6F_72;

    private static readonly IReadOnlyList<(int Version, string Name)> Steps = Discover();

    public static int CurrentVersion => Steps[^1].Version;

    /// <summary>The numbers of the migrations this build knows, in order.</summary>
    public static IReadOnlyList<int> Versions => [.. Steps.Select(step => step.Version)];

    internal static int Upgrade(NpgsqlDataSource dataSource, ILogger logger)
    {
        using var connection = dataSource.OpenConnection();
        connection.Command("SELECT pg_advisory_lock(@lock)").With("lock", MigrationLock).Execute();
        try
        {
            connection.Command("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())").Execute();
            var applied = connection.Command("SELECT version FROM schema_version").Read(reader => reader.GetInt32(0)).ToHashSet();
            var version = applied.Count == 0 ? 0 : applied.Max();
            if (version > CurrentVersion)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL database has schema version {version.ToString(CultureInfo.InvariantCulture)}, written by a newer build; this build knows up to {CurrentVersion.ToString(CultureInfo.InvariantCulture)}.");
            }
            if (applied.FirstOrDefault(number => !Steps.Any(step => step.Version == number)) is > 0 and var unknown)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL database has migration {unknown.ToString(CultureInfo.InvariantCulture)}, which this build does not know: it was migrated by another build.");
            }

            foreach (var (target, name) in Steps.Where(step => !applied.Contains(step.Version)))
            {
                using var transaction = connection.BeginTransaction();
                connection.Command(Script(name)).Execute();
                connection.Command("INSERT INTO schema_version (version) VALUES (@version)").With("version", target).Execute();
                transaction.Commit();
                Migrated(logger, target, name);
            }
            return CurrentVersion;
        }
        finally
        {
            connection.Command("SELECT pg_advisory_unlock(@lock)").With("lock", MigrationLock).Execute();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL schema migrated to version {Version} ({Name})")]
    private static partial void Migrated(ILogger logger, int version, string name);

    private static string Script(string name)
    {
        using var stream = typeof(SchemaMigrations).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Migration {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Migrations/NNNN_what.sql, by number; each number once (a gap is a migration of another branch).</summary>
    private static List<(int Version, string Name)> Discover()
    {
        var steps = typeof(SchemaMigrations).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("Migrations/", StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => (Version: int.Parse(name["Migrations/".Length..].Split('_')[0], CultureInfo.InvariantCulture), Name: name))
            .OrderBy(step => step.Version)
            .ToList();
        if (steps.Count == 0 || steps[0].Version < 1 || steps.DistinctBy(step => step.Version).Count() != steps.Count)
            throw new InvalidOperationException("The PostgreSQL migrations must be numbered 1, 2, 3…, each number once.");
        return steps;
    }
}
