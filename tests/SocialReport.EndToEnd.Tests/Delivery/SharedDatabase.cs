using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using SocialReport.Core.Delivery;
using SocialReport.Storage.PostgreSql;
using SocialReport.Testing.Storage;

namespace SocialReport.EndToEnd.Tests.Delivery;

/// <summary>
/// A fresh PostgreSQL database for host processes to share (<c>Storage:Provider=PostgreSql</c>), and what the test
/// reads of it: the broadcasts in the ledger, and which process holds a broadcast's lease (to kill that one).
/// </summary>
internal sealed class SharedDatabase : IDisposable
{
    private readonly PostgreSqlDatabase _database = new();

    public SharedDatabase()
    {
        Store = new PostgreSqlStore(_database.ConnectionString);
        Ledger = new PostgreSqlDeliveryLedger(Store, Options.Create(new DeliveryOptions()), TimeProvider.System);
    }

    public PostgreSqlStore Store { get; }

    public PostgreSqlDeliveryLedger Ledger { get; }

    /// <summary>The settings that put a host on this database.</summary>
    public Dictionary<string, string> Settings(IReadOnlyDictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = _database.ConnectionString,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string>()) settings[key] = value;
        return settings;
    }

    /// <summary>The settings with a search index of the host's own, as each host on its own machine has.</summary>
    public static Dictionary<string, string> OwnIndex(IReadOnlyDictionary<string, string> settings, TempDirectory directory, string host) =>
        new(settings) { ["Search:IndexDirectory"] = directory.File(host + "-search-index") };

    /// <summary>The process id of the host holding the broadcast's lease (its holder reads <c>machine/pid/guid</c>); null when none does.</summary>
    public int? SenderOf(string broadcastId)
    {
        using var command = Store.DataSource.CreateCommand("SELECT holder FROM broadcast_leases WHERE broadcast_id = @broadcast");
        command.Parameters.AddWithValue("broadcast", broadcastId);
        return command.ExecuteScalar() is string holder ? int.Parse(holder.Split('/')[1], CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The broadcast's state, counts and lease, for a failure's message.</summary>
    public string Describe(string broadcastId)
    {
        using var command = Store.DataSource.CreateCommand("SELECT string_agg(broadcast_id || ' held by ' || holder || ' until ' || expires_at, '; ') FROM broadcast_leases");
        return $"broadcast {Ledger.Get(broadcastId)}, counts {Ledger.Counts(broadcastId)}, leases: {command.ExecuteScalar()}";
    }

    /// <summary>Waits (polling the ledger) until a broadcast of the edition exists, and returns it.</summary>
    public async Task<BroadcastRecord> BroadcastOfAsync(string editionId, TimeSpan timeout) =>
        await UntilAsync(() => Ledger.History(10).FirstOrDefault(broadcast => broadcast.EditionId == editionId), timeout, $"a broadcast of {editionId}");

    /// <summary>Waits (polling the ledger) until the broadcast is finished, and returns it.</summary>
    public async Task<BroadcastRecord> FinishedAsync(string broadcastId, TimeSpan timeout) =>
        await UntilAsync(() => Ledger.Get(broadcastId) is { IsFinished: true } finished ? finished : null, timeout, $"broadcast {broadcastId} to finish");

    private static async Task<T> UntilAsync<T>(Func<T?> probe, TimeSpan timeout, string what) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (probe() is { } found) return found;
            if (clock.Elapsed > timeout) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    public void Dispose()
    {
        Store.Dispose();
        _database.Dispose();
    }
}
