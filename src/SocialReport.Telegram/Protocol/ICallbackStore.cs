namespace SocialReport.Telegram.Protocol;

/// <summary>Keeps commands too long for a button's 64-byte callback_data behind short tokens.</summary>
internal interface ICallbackStore
{
    /// <summary>A token for the command (the same token when the command is already stored); at most 32 ASCII characters.</summary>
    string Save(string command);

    /// <summary>The command behind a token, or null when the token is unknown or was evicted.</summary>
    string? Load(string token);
}
