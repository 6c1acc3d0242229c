using System.Globalization;
using System.Text.Json.Nodes;
using SocialReport.Core.Editions;
using SocialReport.Teams.Inbound;
using SocialReport.Teams.Protocol;

namespace SocialReport.Teams.Rendering;

/// <summary>
/// The activities the Teams bot sends for an edition, exactly as posted: <c>cover</c> is the edition card (what a
/// broadcast and <c>latest</c> send), <c>story</c> each story card, <c>full</c> each part of a story's full text.
/// </summary>
internal sealed class TeamsEditionPreview(TeamsCardRenderer renderer) : IEditionPreview
{
    public string Channel => TeamsActivityParser.Channel;

    public IReadOnlyList<PreviewMessage> Render(Edition edition, string language)
    {
        var numbers = Enumerable.Range(1, edition.Stories.Count).ToList();
        var stories = numbers.Select(n => CardFactory.Story(edition, n, language)).ToList();
        var messages = new List<PreviewMessage>
        {
            Message("cover", TeamsActivities.ForEdition(renderer, CardFactory.Cover(edition, language), stories)),
        };
        messages.AddRange(stories.Select(story => Message("story", TeamsActivities.ForCards([renderer.Render(story)]))));
        messages.AddRange(numbers
            .SelectMany(n => CardFactory.FullStory(edition, n, TeamsActivityParser.MaxMessageChars, language))
            .Select(part => Message("full", TeamsActivities.ForCards([renderer.Render(part)]))));
        return messages;
    }

    /// <summary>The activity's size as the bot counts it against its own limit, below Teams'.</summary>
    public (IReadOnlyList<Budget> Budgets, IReadOnlyList<string> Problems) Measure(JsonObject payload)
    {
        var activity = new Budget("activity", TeamsJson.Utf16Size(payload), TeamsActivities.MaxActivitySize, "bytes");
        return ([activity], activity.Over
            ? [string.Create(CultureInfo.InvariantCulture, $"The activity is {activity.Used} bytes, over the {activity.Limit} the bot allows itself below Teams' limit.")]
            : []);
    }

    private static PreviewMessage Message(string kind, Activity activity) =>
        new(kind, JsonNode.Parse(TeamsJson.Serialize(activity))!.AsObject(), AdaptiveCardText.Of(activity));
}
