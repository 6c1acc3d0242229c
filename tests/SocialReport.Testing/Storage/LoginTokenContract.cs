using SocialReport.Core.Commands;

namespace SocialReport.Testing.Storage;

/// <summary>The web console's sign-in tokens: kept by hash, taken once, expired ones deleted, kept across a restart.</summary>
public abstract class LoginTokenContract(StorageBackend backend) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 23, 0, 0, TimeSpan.Zero);

    public void Dispose()
    {
        backend.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void A_token_is_taken_once_by_its_hash()
    {
        var tokens = backend.LoginTokens();
        var token = new LoginToken("ab12", "telegram:5001", Now.AddMinutes(10));
        tokens.Save(token);
        tokens.Save(new LoginToken("cd34", "teams:29:x", Now.AddMinutes(10)));

        Assert.Null(tokens.Take("ab1"));
        Assert.Equal(token, tokens.Take("ab12"));
        Assert.Null(tokens.Take("ab12"));
        Assert.Equal("teams:29:x", tokens.Take("cd34")?.Editor);
    }

    [Fact]
    public void Expired_tokens_are_deleted_and_the_others_kept()
    {
        var tokens = backend.LoginTokens();
        tokens.Save(new LoginToken("old", "telegram:1", Now.AddMinutes(-1)));
        tokens.Save(new LoginToken("due", "telegram:2", Now));
        tokens.Save(new LoginToken("new", "telegram:3", Now.AddMinutes(1)));

        Assert.Equal(2, tokens.DeleteExpired(Now));

        Assert.Null(tokens.Take("old"));
        Assert.Null(tokens.Take("due"));
        Assert.Equal("telegram:3", tokens.Take("new")?.Editor);
    }

    [Fact]
    public void Tokens_outlive_a_restart()
    {
        backend.LoginTokens().Save(new LoginToken("ab12", "telegram:5001", Now.AddMinutes(10)));

        backend.Reopen();

        Assert.Equal(new LoginToken("ab12", "telegram:5001", Now.AddMinutes(10)), backend.LoginTokens().Take("ab12"));
    }
}
