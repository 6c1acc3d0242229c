namespace SocialReport.Core.Commands;

/// <summary>The allow-list of editors, per channel (configuration section <c>Admins</c>). The web chat has none.</summary>
public sealed class EditorsOptions
{
    public const string SectionName = "Admins";

    /// <summary>Numeric Telegram user ids.</summary>
    public List<string> Telegram { get; init; } = [];
    /// <summary>Entra (Azure AD) object ids.</summary>
    public List<string> Teams { get; init; } = [];
    /// <summary>Names given to <c>chat --as NAME</c>.</summary>
    public List<string> Console { get; init; } = [];

    public bool IsEditor(string channel, string senderId)
    {
        var list = channel switch
        {
            "telegram" => Telegram,
            "teams" => Teams,
            "console" => Console,
            _ => [],
        };
        return list.Contains(senderId, StringComparer.OrdinalIgnoreCase);
    }
}
