namespace SocialReport.Storage.LiteDb.Tests;

// The storage contract (tests/SocialReport.Testing/Storage) on a LiteDB file; the PostgreSQL store runs the same.

public sealed class ChatStoreTests() : ChatStoreContract(new LiteDbBackend());

public sealed class UpdateInboxTests() : DurableUpdateInboxContract(new LiteDbBackend());

public sealed class MemoryUpdateInboxTests() : UpdateInboxContract(new MemoryBackend());

public sealed class BroadcastRequestStoreTests() : DurableBroadcastRequestContract(new LiteDbBackend());

public sealed class MemoryBroadcastRequestStoreTests() : BroadcastRequestContract(new MemoryBackend());

public sealed class ConcurrencyTests() : ConcurrencyContract(new LiteDbBackend());

public sealed class SearchIndexTests() : SearchIndexContract(new LiteDbBackend());

public sealed class ReaderDataTests() : ReaderDataContract(new LiteDbBackend());

public sealed class LoginTokenStoreTests() : LoginTokenContract(new LiteDbBackend());
