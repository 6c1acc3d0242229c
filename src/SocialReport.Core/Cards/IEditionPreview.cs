using System.Text.Json.Nodes;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Cards;

/// <summary>
/// Everything a reader can be shown of an edition on one channel, as that channel's renderer produces it:
/// used by the <c>render</c> verb, /preview and the web preview, so that what an editor sees is what readers get.
/// Each channel adapter registers its own; the first registered for a channel is the one shown.
/// </summary>
public interface IEditionPreview
{
    /// <summary>The channel's name (<c>text</c> for the plain text every channel falls back to).</summary>
    string Channel { get; }

    IReadOnlyList<PreviewMessage> Render(Edition edition, string language);

    /// <summary>
    /// How much of each platform limit a payload of <see cref="Render"/> uses, measured the way the platform measures it,
    /// and what the platform would refuse in it. None where the channel has no limit.
    /// </summary>
    (IReadOnlyList<Budget> Budgets, IReadOnlyList<string> Problems) Measure(JsonObject payload) => ([], []);
}

/// <param name="Kind"><c>cover</c>, <c>story</c> or <c>full</c>.</param>
/// <param name="Payload">The platform payload, exactly what the channel sends.</param>
/// <param name="Text">The same for a human reading a terminal.</param>
public sealed record PreviewMessage(string Kind, JsonObject Payload, string Text);

/// <param name="Name">What is measured, e.g. <c>text</c>, <c>callback_data</c>, <c>activity</c>.</param>
/// <param name="Unit"><c>characters</c> or <c>bytes</c>.</param>
public sealed record Budget(string Name, int Used, int Limit, string Unit)
{
    public bool Over => Used > Limit;
}
