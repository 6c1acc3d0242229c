using System.Text.Json;
using System.Text.Json.Nodes;
using SocialReport.Core.Cards;
using SocialReport.Core.Editions;
using SocialReport.Teams.Protocol;
using SocialReport.Teams.Rendering;
using SocialReport.Telegram.Protocol;
using SocialReport.Telegram.Rendering;
using Telegram.Bot;

namespace SocialReport.Host.Tests.Web;

/// <summary>
/// The Telegram and Teams previews as the channel adapters produce them, built here from the real renderers, for hosts
/// in which the adapters are not registered yet. The site keeps the first preview registered per channel, so an
/// adapter's own preview takes precedence over these.
/// </summary>
internal sealed class TelegramTestPreview : IEditionPreview
{
    private readonly TelegramCardRenderer _renderer = new(new MemoryCallbackStore());

    public string Channel => "telegram";

    public IReadOnlyList<PreviewMessage> Render(Edition edition, string language) =>
        [.. CardFactory.All(edition, language, TelegramCardRenderer.FullPartChars)
            .SelectMany(card => _renderer.Render(card).Select(message => new PreviewMessage(card.Kind, Payload(message), TelegramHtml.VisibleText(message.Text))))];

    private static JsonObject Payload(TelegramMessage message)
    {
        var payload = new JsonObject { ["text"] = message.Text, ["parse_mode"] = "HTML" };
        if (message.Keyboard is { } keyboard)
            payload["reply_markup"] = JsonSerializer.SerializeToNode(keyboard, JsonBotAPI.Options);
        return payload;
    }
}

internal sealed class TeamsTestPreview : IEditionPreview
{
    private readonly TeamsCardRenderer _renderer = new();
    private readonly PlainTextRenderer _text = new();

    public string Channel => "teams";

    public IReadOnlyList<PreviewMessage> Render(Edition edition, string language)
    {
        var cover = CardFactory.Cover(edition, language);
        var stories = Enumerable.Range(1, edition.Stories.Count).Select(n => CardFactory.Story(edition, n, language)).ToList();
        var messages = new List<PreviewMessage>
        {
            Message("cover", TeamsActivities.ForEdition(_renderer, cover, stories), [cover, .. stories]),
        };
        messages.AddRange(stories.Select(story => Message("story", TeamsActivities.ForCards([_renderer.Render(story)]), [story])));
        messages.AddRange(Enumerable.Range(1, edition.Stories.Count)
            .SelectMany(n => CardFactory.FullStory(edition, n, CardBudgets.FullPartChars, language))
            .Select(part => Message("full", TeamsActivities.ForCards([_renderer.Render(part)]), [part])));
        return messages;
    }

    private PreviewMessage Message(string kind, Activity activity, IEnumerable<Card> cards) =>
        new(kind, JsonSerializer.SerializeToNode(activity, TeamsJson.Options)!.AsObject(), string.Join("\n\n", cards.Select(_text.Render)));
}
