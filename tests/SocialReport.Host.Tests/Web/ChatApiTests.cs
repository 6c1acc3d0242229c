using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Archive;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Host.Tests.Web;

public sealed partial class ChatApiTests(WebSite site) : IClassFixture<WebSite>
{
    private readonly HttpClient _client = site.CreateClient();
    private readonly string _session = "test-" + Guid.NewGuid().ToString("N");

    private async Task<JsonElement> AskAsync(string text, bool fromButton = false, string? session = null)
    {
        using var response = await _client.PostJsonAsync("/api/chat", new { text, session = session ?? _session, fromButton });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Latest_answers_with_the_newest_edition_cover()
    {
        var reply = await AskAsync("/latest");

        var cover = reply.GetProperty("cards")[0];
        Assert.Equal("cover", cover.GetProperty("kind").GetString());
        Assert.Contains("The Social Report · 27 mars 2020", cover.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("<article class=\"card card-cover\" lang=\"fr\">", cover.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("data-command=\"/read 2020-03-27/1\"", cover.GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topic_whatsapp_lists_the_seed_story_first_and_its_button_opens_it()
    {
        var reply = await AskAsync("/topic whatsapp");

        var list = Assert.Single(reply.GetProperty("cards").EnumerateArray());
        Assert.Equal("list", list.GetProperty("kind").GetString());
        var items = ListItem().Matches(list.GetProperty("html").GetString()!);
        Assert.NotEmpty(items);
        Assert.StartsWith("WhatsApp franchit la barre des 2 milliards", items[0].Groups["label"].Value, StringComparison.Ordinal);

        var story = await AskAsync(WebUtility.HtmlDecode(items[0].Groups["command"].Value), fromButton: true);
        var card = story.GetProperty("cards")[0];
        Assert.Equal("story", card.GetProperty("kind").GetString());
        foreach (var source in Seed.WhatsAppSources)
            Assert.Contains(source, card.GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_buttons_say_they_replace_the_card()
    {
        var reply = await AskAsync($"/read {Seed.EditionId}/2", fromButton: true);
        Assert.True(reply.GetProperty("editsOriginal").GetBoolean());
        Assert.Contains("2/4 · WhatsApp", reply.GetProperty("cards")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_a_visitor_types_comes_back_encoded()
    {
        var reply = await AskAsync("/<img src=x onerror=alert(1)>");

        var html = reply.GetProperty("cards")[0].GetProperty("html").GetString()!;
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Web_visitors_are_readers_who_cannot_publish()
    {
        var path = Path.Combine(RepositoryFiles.Editions, "2020-03-13-social-report.md");
        var reply = await AskAsync($"/publish {path}");

        Assert.Equal("notice", reply.GetProperty("cards")[0].GetProperty("kind").GetString());
        Assert.Contains("réservée aux éditeurs", reply.GetProperty("cards")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, site.Services.GetRequiredService<IEditionArchive>().Count());
    }

    [Fact]
    public async Task Start_subscribes_a_web_chat_that_never_receives_broadcasts()
    {
        await AskAsync("/start");

        var chat = site.Services.GetRequiredService<IChatStore>().Get(new ChatKey("web", _session));
        Assert.NotNull(chat);
        Assert.Equal(SubscriptionState.Active, chat.State);
        // Broadcasts go to the channels that have a sender: never to the web chat, which is for trying the bot.
        Assert.DoesNotContain(site.Services.GetServices<IEditionSender>(), sender => sender.Channel == chat.Key.Channel);
    }

    [Fact]
    public async Task Interface_language_follows_the_browser_until_lang()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat")
        {
            Content = JsonContent(new { text = "/nothing", session = _session }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.8,fr;q=0.5");
        using var response = await _client.SendAsync(request);
        var reply = await response.ReadJsonAsync();
        Assert.StartsWith("I don't know the command", reply.GetProperty("cards")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/latest", null)]
    [InlineData("/latest", "short")]
    [InlineData("/latest", "has spaces in it, definitely")]
    [InlineData("", "a-valid-session-id-0001")]
    public async Task Bad_requests_are_400(string text, string? session)
    {
        using var response = await _client.PostJsonAsync("/api/chat", new { text, session });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Too_long_text_is_400()
    {
        using var response = await _client.PostJsonAsync("/api/chat", new { text = "/search " + new string('a', 1000), session = _session });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    [GeneratedRegex("<li><button type=\"button\" class=\"item\" data-command=\"(?<command>[^\"]*)\">(?<label>[^<]*)</button>")]
    private static partial Regex ListItem();
}
