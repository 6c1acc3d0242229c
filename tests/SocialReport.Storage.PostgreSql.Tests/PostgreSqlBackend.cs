namespace SocialReport.Storage.PostgreSql.Tests;

/// <summary>The test class's database, emptied when a test starts (the tests of a class run one at a time).</summary>
public sealed class PostgreSqlBackend : StorageBackend
{
    private const string Tables = "editions, edition_revisions, chats, inbox, broadcast_requests, delivery_broadcasts, delivery_rows, delivery_schedules, broadcast_leases, login_tokens";

    private readonly string _connectionString;

    public PostgreSqlBackend(PostgreSqlDatabase database)
    {
        _connectionString = database.ConnectionString;
        Store = new PostgreSqlStore(_connectionString);
        using var truncate = Store.DataSource.CreateCommand($"TRUNCATE {Tables} RESTART IDENTITY");
        truncate.ExecuteNonQuery();
    }

    public PostgreSqlStore Store { get; private set; }

    public override PostgreSqlEditionArchive Archive(TimeProvider time) => new(Store, time);

    public override PostgreSqlChatStore Chats() => new(Store);

    public override IEnumerable<Chat> InState(string channel, SubscriptionState state) => Chats().InState(channel, state);

    public override void SaveChats(IEnumerable<Chat> chats) => Store.InTransaction(connection =>
    {
        foreach (var chat in chats) PostgreSqlChatStore.Save(connection, chat);
        return 0;
    });

    public override IUpdateInbox Inbox(int remembered = IUpdateInbox.RememberedIds) => new PostgreSqlUpdateInbox(Store, remembered);

    public override int? InboxSize()
    {
        using var count = Store.DataSource.CreateCommand("SELECT count(*)::integer FROM inbox");
        return (int)count.ExecuteScalar()!;
    }

    public override bool KeepsBody(string source, string id)
    {
        using var body = Store.DataSource.CreateCommand("SELECT body IS NOT NULL FROM inbox WHERE source = $1 AND id = $2");
        body.Parameters.AddWithValue(source);
        body.Parameters.AddWithValue(id);
        return (bool)body.ExecuteScalar()!;
    }

    public override IBroadcastRequestStore Requests() => new PostgreSqlBroadcastRequestStore(Store);

    public override PostgreSqlDeliveryLedger Ledger(DeliveryOptions options, TimeProvider time) => new(Store, Options.Create(options), time);

    public override IReaderData ReaderData() => new PostgreSqlReaderData(Store);

    public override IStoryCounts StoryCounts() => new PostgreSqlStoryCounts(Store);

    public override IEnumerable<(string Where, string Text)> EveryRecord()
    {
        var tables = new List<string>();
        using (var list = Store.DataSource.CreateCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var records = new List<(string, string)>();
        foreach (var table in tables)
        {
            using var rows = Store.DataSource.CreateCommand($"SELECT t::text FROM \"{table}\" t");
            using var reader = rows.ExecuteReader();
            while (reader.Read()) records.Add((table, reader.GetString(0)));
        }
        return records;
    }

    public override void Reopen()
    {
        Store.Dispose();
        Store = new PostgreSqlStore(_connectionString);
    }

    public override void Dispose() => Store.Dispose();

    public override ILoginTokenStore LoginTokens() => new PostgreSqlLoginTokenStore(Store);
}
