namespace SocialReport.Core.Cards;

/// <summary>
/// The commands buttons carry back to the command engine. Short on purpose: Telegram's callback_data holds 64 bytes.
/// </summary>
public static class CardCommands
{
    public static string Cover(string editionId) => $"/cover {editionId}";

    public static string Story(string storyId) => $"/read {storyId}";

    public static string Full(string storyId) => $"/full {storyId}";
}
