using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Archive;
using SocialReport.Teams.Protocol;

namespace SocialReport.Host.Tests.Web;

public sealed class PreviewApiTests(WebSite site) : IClassFixture<WebSite>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task Editions_lists_the_seeded_archive_newest_first()
    {
        var editions = await _client.GetJsonAsync("/api/editions");

        var ids = editions.EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal(["2020-03-27", "2020-03-20", "2020-03-13", Seed.EditionId], ids);
        var seed = editions.EnumerateArray().Last();
        Assert.Equal(4, seed.GetProperty("stories").GetInt32());
        Assert.Equal("2020-03-06", seed.GetProperty("date").GetString());
    }

    [Fact]
    public async Task Preview_of_the_seed_shows_its_four_stories_and_their_sources_on_every_channel()
    {
        var preview = await _client.GetJsonAsync($"/api/editions/{Seed.EditionId}/preview");

        var stories = preview.GetProperty("edition").GetProperty("stories").EnumerateArray().ToList();
        Assert.Equal(Seed.Headlines, stories.Select(s => s.GetProperty("headline").GetString()));
        var whatsApp = stories[1].GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(Seed.WhatsAppSources, whatsApp);

        var channels = preview.GetProperty("channels").EnumerateArray().ToList();
        Assert.Equal(["telegram", "teams", "text"], channels.Select(c => c.GetProperty("channel").GetString()));
        foreach (var channel in channels)
        {
            var name = channel.GetProperty("channel").GetString();
            var messages = channel.GetProperty("messages").EnumerateArray().ToList();
            Assert.Equal("cover", messages[0].GetProperty("kind").GetString());
            var said = string.Join("\n", messages.SelectMany(m => m.GetProperty("payload").Strings()));
            foreach (var headline in Seed.Headlines)
                Assert.True(said.Contains(headline, StringComparison.Ordinal), $"{name} lacks the headline {headline}");
            var sources = stories.SelectMany(s => s.GetProperty("sources").EnumerateArray().Select(x => x.GetProperty("name").GetString()!)).Distinct();
            foreach (var source in sources)
                Assert.True(said.Contains(source, StringComparison.Ordinal), $"{name} lacks the source {source}");
        }
    }

    [Fact]
    public async Task Preview_measures_each_message_against_its_platform_limits()
    {
        var preview = await _client.GetJsonAsync($"/api/editions/{Seed.EditionId}/preview");
        var channels = preview.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!);

        foreach (var message in channels["telegram"].GetProperty("messages").EnumerateArray())
        {
            var budgets = message.GetProperty("budgets").EnumerateArray().ToDictionary(b => b.GetProperty("name").GetString()!);
            var text = budgets["text"];
            Assert.Equal(4096, text.GetProperty("limit").GetInt32());
            Assert.InRange(text.GetProperty("used").GetInt32(), 1, 4096);
            if (message.GetProperty("payload").TryGetProperty("reply_markup", out _))
                Assert.Equal(64, budgets["callback_data"].GetProperty("limit").GetInt32());
        }
        var cover = channels["telegram"].GetProperty("messages")[0];
        var visible = cover.GetProperty("budgets")[0].GetProperty("used").GetInt32();
        Assert.True(visible < cover.GetProperty("payload").GetProperty("text").GetString()!.Length, "the visible length does not count the tags");

        foreach (var message in channels["teams"].GetProperty("messages").EnumerateArray())
        {
            var activity = Assert.Single(message.GetProperty("budgets").EnumerateArray());
            Assert.Equal("activity", activity.GetProperty("name").GetString());
            Assert.Equal(80 * 1024, activity.GetProperty("limit").GetInt32());
            Assert.Equal(JsonSerializer.Serialize(message.GetProperty("payload"), TeamsJson.Options).Length * 2, activity.GetProperty("used").GetInt32());
        }
        Assert.Empty(channels["text"].GetProperty("messages")[0].GetProperty("budgets").EnumerateArray());
    }

    [Fact]
    public async Task Preview_of_an_unknown_edition_is_404()
    {
        using var response = await _client.GetAsync("/api/editions/1999-01-01/preview");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Preview_labels_follow_the_language_asked_for()
    {
        var english = await _client.GetJsonAsync($"/api/editions/{Seed.EditionId}/preview?lang=en");
        var story = english.GetProperty("channels")[0].GetProperty("messages")[2].GetProperty("payload").GetProperty("text").GetString();
        Assert.Contains("Sources: ", story, StringComparison.Ordinal);

        var french = await _client.GetJsonAsync($"/api/editions/{Seed.EditionId}/preview");
        Assert.Contains("Sources\u00A0: ", french.GetProperty("channels")[0].GetProperty("messages")[2].GetProperty("payload").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploaded_file_is_previewed_with_its_problems_and_never_published()
    {
        const string markdown = "---\ntitle: Essai\ndate: 2021-01-08\nlanguage: fr\n---\n\nUne introduction.\n\n" +
            "## Une histoire sans source\n\nDu texte, mais personne pour le rapporter.\n\n" +
            "## Une histoire sourcée\n\nSelon [Le Monde](https://www.lemonde.fr/), tout va bien.\n";

        using var response = await _client.PostAsync("/api/preview", Upload("essai.md", markdown));
        var preview = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2021-01-08", preview.GetProperty("edition").GetProperty("id").GetString());
        var problems = preview.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("code").GetString(), p.GetProperty("story").ValueKind == JsonValueKind.Number ? p.GetProperty("story").GetInt32() : 0)).ToList();
        Assert.Contains(("no-sources", 1), problems);
        Assert.DoesNotContain(("no-sources", 2), problems);
        Assert.Contains(("no-authors", 0), problems);
        Assert.Null(site.Services.GetRequiredService<IEditionArchive>().Get("2021-01-08"));
    }

    [Fact]
    public async Task Uploaded_bad_file_is_400_naming_the_file_line_and_reason()
    {
        using var response = await _client.PostAsync("/api/preview",
            Upload("broken.md", "---\ntitle: Social Report\ndate: 2020-03-06\nlanguage: de\n---\n\n## Story\n\nText.\n"));
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("^broken\\.md:4: language \"de\" is not supported", problem.GetProperty("detail").GetString());
        Assert.Equal(4, problem.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Upload_without_a_file_is_400()
    {
        using var response = await _client.PostAsync("/api/preview", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Upload_names_the_file_only_by_its_name()
    {
        using var response = await _client.PostAsync("/api/preview", Upload("../../etc/empty.md", ""));
        var problem = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("empty.md:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private const string Undated = "# La revue\n\nUne introduction.\n\n## Une histoire\n\nSelon [Le Monde](https://www.lemonde.fr/), tout va bien.\n";

    [Fact]
    public async Task Upload_of_a_file_without_a_date_is_previewed_as_of_today_and_asks_for_the_date()
    {
        var time = site.Services.GetRequiredService<TimeProvider>();
        var before = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        using var response = await _client.PostAsync("/api/preview", Upload("revue.md", Undated));
        var preview = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(preview.GetProperty("dateMissing").GetBoolean());
        var date = DateOnly.Parse(preview.GetProperty("edition").GetProperty("date").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(date, before, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var first = preview.GetProperty("problems")[0];
        Assert.Equal("no-date", first.GetProperty("code").GetString());
        Assert.Contains("give the edition's date", first.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Une histoire", preview.GetProperty("edition").GetProperty("stories")[0].GetProperty("headline").GetString());
    }

    [Fact]
    public async Task Upload_with_a_date_takes_it_and_says_it_was_given()
    {
        using var form = Upload("revue.md", Undated);
        form.Add(new StringContent("2020-03-13"), "date");

        using var response = await _client.PostAsync("/api/preview", form);
        var preview = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(preview.GetProperty("dateMissing").GetBoolean());
        Assert.Equal("2020-03-13", preview.GetProperty("edition").GetProperty("date").GetString());
        Assert.Equal("given", preview.GetProperty("edition").GetProperty("dateSource").GetString());
        Assert.DoesNotContain(preview.GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() == "no-date");
    }

    [Fact]
    public async Task Upload_with_a_date_that_is_not_one_is_400()
    {
        using var form = Upload("revue.md", Undated);
        form.Add(new StringContent("13/03/2020<script>"), "date");

        using var response = await _client.PostAsync("/api/preview", form);
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("YYYY-MM-DD", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    internal static MultipartFormDataContent Upload(string fileName, string content)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
