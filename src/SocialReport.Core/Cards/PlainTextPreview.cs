using System.Text.Json.Nodes;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Cards;

/// <summary>The <c>text</c> channel: what the console chat shows.</summary>
public sealed class PlainTextPreview : IEditionPreview
{
    private const int FullPartChars = 4000;
    private readonly PlainTextRenderer _renderer = new();

    public string Channel => "text";

    public IReadOnlyList<PreviewMessage> Render(Edition edition, string language) =>
        [.. CardFactory.All(edition, language, FullPartChars).Select(card =>
        {
            var text = _renderer.Render(card);
            return new PreviewMessage(card.Kind, new JsonObject { ["text"] = text }, text);
        })];
}
