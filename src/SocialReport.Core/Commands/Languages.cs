namespace SocialReport.Core.Commands;

/// <summary>The bot speaks French, and English to whoever asks for it: the one rule every channel and every phrase follows.</summary>
public static class Languages
{
    public const string French = "fr";
    public const string English = "en";

    /// <summary>
    /// A chat's interface language: the chat's own choice (<c>/lang</c>, kept on its record), else the platform's
    /// language for the user (Telegram's <c>language_code</c>, Teams' <c>locale</c>, the browser's first
    /// <c>Accept-Language</c>), else French.
    /// </summary>
    public static string Pick(string? chosen, string? hint) => Of(chosen ?? hint);

    /// <summary>English for <c>en</c> and its regions (<c>en-GB</c>); French for any other tag, or none.</summary>
    public static string Of(string? language) =>
        language?.StartsWith(English, StringComparison.OrdinalIgnoreCase) == true ? English : French;
}
