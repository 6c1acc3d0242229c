using System.Text.Json.Nodes;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Cards;

/// <summary>
/// Everything a reader can be shown of an edition on one channel, as that channel's renderer produces it:
/// used by the <c>render</c> verb, /preview and the web preview, so that what an editor sees is what readers get.
/// </summary>
public interface IEditionPreview
{
    /// <summary><c>text</c>, <c>telegram</c>, <c>teams</c>.</summary>
    string Channel { get; }

    IReadOnlyList<PreviewMessage> Render(Edition edition, string language);
}

/// <param name="Kind"><c>cover</c>, <c>story</c> or <c>full</c>.</param>
/// <param name="Payload">The platform payload (Telegram: text, parse_mode, reply_markup; Teams: the activity).</param>
/// <param name="Text">The same for a human reading a terminal.</param>
public sealed record PreviewMessage(string Kind, JsonObject Payload, string Text);
