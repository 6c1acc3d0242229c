using System.Text.Json.Nodes;

namespace SocialReport.Testing.Teams;

/// <summary>What the connector expects on every message the bot sends, as the Bot Framework SDKs fill it in.</summary>
public static class OutgoingAssert
{
    /// <summary>From the bot, to someone, in the language of its cards, with a plain-text summary for notifications.</summary>
    public static void Addressed(JsonObject activity)
    {
        Assert.Equal((TestIds.BotId, TestIds.BotName), (activity["from"]?["id"]?.GetValue<string>(), activity["from"]?["name"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(activity["recipient"]?["id"]?.GetValue<string>()), "no recipient");
        Assert.Equal(activity["attachments"]![0]!["content"]!["lang"]!.GetValue<string>(), activity["locale"]?.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(activity["summary"]?.GetValue<string>()), "no summary");
    }
}
