using SocialReport.Core.Delivery;

namespace SocialReport.Core;

/// <summary>
/// What a channel adapter tells the core of its channel's settings, registered with
/// <see cref="ChannelServices.AddChannel"/>: its pacing under <c>Delivery:{Section}</c>, over the adapter's defaults, and
/// its editors under <c>Admins:{Section}</c>, each id checked by the adapter's rule.
/// </summary>
/// <param name="Channel">The name its chats carry (<see cref="Readers.ChatKey.Channel"/>).</param>
/// <param name="Section">The same name as the settings spell it; configuration keys ignore case, and so do the lookups.</param>
public sealed record ChannelSettings(string Channel, string Section)
{
    /// <summary>The pacing before <c>Delivery:{Section}</c> applies: the platform's own limits.</summary>
    public Func<ChannelPacingOptions> PacingDefaults { get; init; } = () => new();

    /// <summary>Why an editor id listed under <c>Admins:{Section}</c> can be no one's (e.g. "is a placeholder: …"), or null.</summary>
    public Func<string, string?> EditorIdProblem { get; init; } = _ => null;

    /// <summary>Like the example's <c>&lt;your user id&gt;</c>: refused by every channel's rule.</summary>
    public static bool IsPlaceholder(string id) => id.StartsWith('<') || id.EndsWith('>');
}
