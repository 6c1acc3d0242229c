namespace SocialReport.Storage.PostgreSql;

/// <summary>Sign-in tokens of the web console in <c>login_tokens</c>, keyed by their hash; a token is taken once, on whichever host.</summary>
public sealed class PostgreSqlLoginTokenStore(PostgreSqlStore store) : ILoginTokenStore
{
    public void Save(LoginToken token) =>
        store.Command("""
            INSERT INTO login_tokens (hash, editor, expires_at) VALUES (@hash, @editor, @expires)
            ON CONFLICT (hash) DO UPDATE SET editor = excluded.editor, expires_at = excluded.expires_at
            """)
            .With("hash", token.Hash).With("editor", token.Editor).With("expires", token.ExpiresAt).Execute();

    public LoginToken? Take(string hash) =>
        store.Command("DELETE FROM login_tokens WHERE hash = @hash RETURNING hash, editor, expires_at").With("hash", hash)
            .ReadFirst(reader => new LoginToken(reader.GetString(0), reader.GetString(1), reader.Instant("expires_at")));

    public int DeleteExpired(DateTimeOffset now) =>
        store.Command("DELETE FROM login_tokens WHERE expires_at <= @now").With("now", now).Execute();
}
