namespace SocialReport.Core.Commands;

/// <summary>
/// The allow-list of editors, per channel (configuration section <c>Admins</c>): <c>Admins:{channel}:0</c> = an id on that
/// channel, e.g. <c>Admins:Console:0</c> = a name given to <c>chat --as NAME</c>. Channels ignore case. The web chat has none.
/// </summary>
public sealed class EditorsOptions() : Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase)
{
    public const string SectionName = "Admins";

    /// <summary>The editors' ids on <paramref name="channel"/>.</summary>
    public IReadOnlyList<string> Of(string channel) => TryGetValue(channel, out var ids) ? ids : [];

    public bool IsEditor(string channel, string senderId) => Of(channel).Contains(senderId, StringComparer.OrdinalIgnoreCase);
}
