namespace SocialReport.Telegram;

/// <summary>What only the Telegram adapter says.</summary>
internal static class TelegramPhrases
{
    public static string ButtonExpired(string language) => language == "en"
        ? "This button has expired: send /latest again."
        : "Ce bouton a expiré : renvoyez /latest.";

    /// <summary>The reason in "Édition refusée : {0}".</summary>
    public static string FileTooBig(string language) => language == "en" ? "the file is over 2 MB" : "le fichier dépasse 2 Mo";
}
