using System.Text.Json.Nodes;
using SocialReport.Core.Cards;
using SocialReport.Teams.Rendering;
using SocialReport.Telegram.Protocol;
using SocialReport.Telegram.Rendering;

namespace SocialReport.Host.Tests.Web;

/// <summary>The budgets each channel's preview measures its payloads by, as the web preview shows them.</summary>
public sealed class MessageBudgetsTests
{
    private static readonly IEditionPreview Telegram = new TelegramEditionPreview(new TelegramCardRenderer(new MemoryCallbackStore()));
    private static readonly IEditionPreview Teams = new TeamsEditionPreview(new TeamsCardRenderer());

    [Fact]
    public void Telegram_counts_visible_characters_and_the_longest_callback_in_bytes()
    {
        var payload = JsonNode.Parse("""
            {"text":"<b>é &amp; ü</b>","parse_mode":"HTML","reply_markup":{"inline_keyboard":[[{"text":"1","callback_data":"/read é"},{"text":"web","url":"https://example.org"}]]}}
            """)!.AsObject();

        var (budgets, problems) = Telegram.Measure(payload);

        Assert.Equal([new Budget("text", 5, 4096, "characters"), new Budget("callback_data", 8, 64, "bytes")], budgets);
        Assert.Empty(problems);
    }

    [Fact]
    public void Telegram_html_that_would_be_refused_is_a_problem()
    {
        var (budgets, problems) = Telegram.Measure(new JsonObject { ["text"] = "<b>unclosed" });

        Assert.Empty(budgets);
        Assert.StartsWith("Telegram would refuse this message: ", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Over_budget_is_a_problem()
    {
        var payload = new JsonObject
        {
            ["text"] = new string('a', 4097),
            ["reply_markup"] = new JsonObject { ["inline_keyboard"] = new JsonArray(new JsonArray(new JsonObject { ["text"] = "x", ["callback_data"] = new string('c', 65) })) },
        };

        var (budgets, problems) = Telegram.Measure(payload);

        Assert.All(budgets, b => Assert.True(b.Over));
        Assert.Equal(["text is 4097 characters, over Telegram's 4096.", "callback_data is 65 bytes, over Telegram's 64."], problems);
    }

    [Fact]
    public void Teams_counts_the_activity_in_utf16_bytes()
    {
        var (budgets, problems) = Teams.Measure(new JsonObject { ["type"] = "message", ["text"] = "é" });

        Assert.Equal(new Budget("activity", """{"type":"message","text":"é"}""".Length * 2, 80 * 1024, "bytes"), Assert.Single(budgets));
        Assert.Empty(problems);
    }

    [Fact]
    public void Other_channels_have_no_budget()
    {
        Assert.Empty(((IEditionPreview)new PlainTextPreview()).Measure(new JsonObject { ["text"] = "x" }).Budgets);
    }
}
