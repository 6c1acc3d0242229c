namespace SocialReport.Storage.LiteDb;

/// <summary>Sign-in tokens of the web console in the collection <c>login_tokens</c>, keyed by their hash; times are UTC ticks.</summary>
public sealed class LiteDbLoginTokenStore : ILoginTokenStore
{
    internal const string Collection = "login_tokens";
    private readonly LiteDbStore _store;
    private readonly ILiteCollection<BsonDocument> _tokens;

    public LiteDbLoginTokenStore(LiteDbStore store)
    {
        _store = store;
        _tokens = store.Database.GetCollection(Collection);
        _tokens.EnsureIndex("expires");
    }

    public void Save(LoginToken token) => _tokens.Upsert(new BsonDocument
    {
        ["_id"] = token.Hash,
        ["editor"] = token.Editor,
        ["expires"] = token.ExpiresAt.UtcTicks,
    });

    public LoginToken? Take(string hash) => _store.InTransaction(() =>
    {
        if (_tokens.FindById(hash) is not { } doc) return null;
        _tokens.Delete(hash);
        return new LoginToken(hash, doc["editor"].AsString, RowDocuments.Instant(doc["expires"]));
    });

    public int DeleteExpired(DateTimeOffset now) => _tokens.DeleteMany(Queries.AtMost("expires", now.UtcTicks));
}
