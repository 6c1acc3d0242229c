using System.Text.RegularExpressions;

namespace SocialReport.Testing.Telegram;

/// <summary>The entities Telegram marks in what a user types: bot commands, mentions, links.</summary>
internal static partial class UserTextEntities
{
    [GeneratedRegex(@"(?<![\w/@])(?:/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![\w/@])|@[A-Za-z0-9_]{5,32}(?!\w)|https?://\S+)")]
    private static partial Regex Pattern();

    public static IReadOnlyList<TextEntity> Find(string text) =>
    [
        .. Pattern().Matches(text).Select(match => new TextEntity(
            match.Value[0] switch { '/' => "bot_command", '@' => "mention", _ => "url" }, match.Index, match.Length)),
    ];
}
