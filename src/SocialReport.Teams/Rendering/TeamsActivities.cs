using System.Text.Json.Nodes;
using SocialReport.Teams.Protocol;

namespace SocialReport.Teams.Rendering;

/// <summary>The message activities the bot sends, each within Teams' message size.</summary>
internal static class TeamsActivities
{
    /// <summary>Teams refuses about 100 KB of UTF-16 with 413 MessageSizeTooBig; staying under 80 KB leaves a margin.</summary>
    public const int MaxActivitySize = 80 * 1024;

    /// <summary>The longest summary: what a notification shows of a message.</summary>
    public static readonly TextBudget SummaryBudget = new(80, 150);

    /// <summary>
    /// A message carrying these Adaptive Cards (several are shown as a carousel), in their language, with their first
    /// line as its summary: Teams' notifications and chat list show that instead of "Card". It is no <c>text</c>,
    /// which Teams would show above the card.
    /// </summary>
    public static Activity ForCards(IReadOnlyList<JsonObject> cards)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Locale = cards.Count > 0 && cards[0]["lang"] is JsonValue lang && lang.TryGetValue<string>(out var language) ? language : null,
            Attachments = [.. cards.Select(card => new ActivityAttachment { ContentType = ActivityAttachment.AdaptiveCardType, Content = card })],
            AttachmentLayout = cards.Count > 1 ? "carousel" : null,
        };
        var firstLine = AdaptiveCardText.Of(activity).Split('\n', 2)[0];
        return string.IsNullOrWhiteSpace(firstLine) ? activity : activity with { Summary = TextCutter.Cut(firstLine, SummaryBudget) };
    }

    /// <summary>
    /// An edition as one message: the whole edition card when it fits; else the same without the unfolding
    /// summaries (each headline keeps a button asking the bot for its story); else as many of those headlines as fit,
    /// saying how many more there are (a 413 would lose them all).
    /// </summary>
    public static Activity ForEdition(TeamsCardRenderer renderer, CoverCard cover, IReadOnlyList<StoryCard> stories)
    {
        var full = ForCards([renderer.RenderEdition(cover, stories)]);
        if (Fits(full))
            return full;
        Activity Headlines(int count) => ForCards([renderer.RenderEdition(cover, [.. stories.Take(count)], withDetails: false, omitted: stories.Count - count)]);
        var all = Headlines(stories.Count);
        if (Fits(all))
            return all;
        int fitting = 0, tooMany = stories.Count;
        while (tooMany - fitting > 1)
        {
            var middle = (fitting + tooMany) / 2;
            if (Fits(Headlines(middle))) fitting = middle; else tooMany = middle;
        }
        return Headlines(fitting);
    }

    /// <summary>
    /// The messages answering a command: a cover followed by its stories becomes one edition message, every other
    /// card a message of its own.
    /// </summary>
    public static IReadOnlyList<Activity> ForReply(TeamsCardRenderer renderer, Reply reply)
    {
        var activities = new List<Activity>();
        var cards = reply.Cards;
        for (var i = 0; i < cards.Count; i++)
        {
            if (cards[i] is CoverCard cover)
            {
                var stories = cards.Skip(i + 1).TakeWhile(c => c is StoryCard s && s.StoryId.StartsWith(cover.EditionId + "/", StringComparison.Ordinal))
                    .Cast<StoryCard>().ToList();
                if (stories.Count > 0)
                {
                    activities.Add(ForEdition(renderer, cover, stories));
                    i += stories.Count;
                    continue;
                }
            }
            activities.Add(ForCards([renderer.Render(cards[i])]));
        }
        return activities;
    }

    public static bool Fits(Activity activity) => TeamsJson.Utf16Size(activity) <= MaxActivitySize;
}
