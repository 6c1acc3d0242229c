using System.Collections.Concurrent;

namespace SocialReport.Core.Commands;

/// <summary>Sign-in tokens without a store: a restart forgets them.</summary>
public sealed class MemoryLoginTokenStore : ILoginTokenStore
{
    private readonly ConcurrentDictionary<string, LoginToken> _tokens = new(StringComparer.Ordinal);

    public void Save(LoginToken token) => _tokens[token.Hash] = token;

    public LoginToken? Take(string hash) => _tokens.TryRemove(hash, out var token) ? token : null;

    public int DeleteExpired(DateTimeOffset now)
    {
        var expired = _tokens.Values.Where(token => token.ExpiresAt <= now).ToList();
        return expired.Count(token => _tokens.TryRemove(token.Hash, out _));
    }
}
