namespace SocialReport.Storage.PostgreSql.Tests;

// The storage contract (tests/SocialReport.Testing/Storage) on PostgreSQL: the same tests as on LiteDB, a database per class.

public sealed class EditionArchiveTests(PostgreSqlDatabase database) : EditionArchiveContract(new PostgreSqlBackend(database)), IClassFixture<PostgreSqlDatabase>;

public sealed class ChatStoreTests(PostgreSqlDatabase database) : ChatStoreContract(new PostgreSqlBackend(database)), IClassFixture<PostgreSqlDatabase>;

public sealed class UpdateInboxTests(PostgreSqlDatabase database) : DurableUpdateInboxContract(new PostgreSqlBackend(database)), IClassFixture<PostgreSqlDatabase>;

public sealed class BroadcastRequestStoreTests(PostgreSqlDatabase database) : DurableBroadcastRequestContract(new PostgreSqlBackend(database)), IClassFixture<PostgreSqlDatabase>;

public sealed class LedgerTests(PostgreSqlDatabase database) : DeliveryLedgerContract(new PostgreSqlBackend(database)), IClassFixture<PostgreSqlDatabase>;

public sealed class ConcurrencyTests(PostgreSqlDatabase database) : ConcurrencyContract(new PostgreSqlBackend(database)), IClassFixture<PostgreSqlDatabase>;

public sealed class SearchIndexTests(PostgreSqlDatabase database) : SearchIndexContract(new PostgreSqlBackend(database)), IClassFixture<PostgreSqlDatabase>;

public sealed class ReaderDataTests(PostgreSqlDatabase database) : ReaderDataContract(new PostgreSqlBackend(database)), IClassFixture<PostgreSqlDatabase>;

public sealed class LoginTokenStoreTests(PostgreSqlDatabase database) : LoginTokenContract(new PostgreSqlBackend(database)), IClassFixture<PostgreSqlDatabase>;
