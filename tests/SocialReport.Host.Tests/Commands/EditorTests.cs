using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Archive;
using SocialReport.Core.Cards;

namespace SocialReport.Host.Tests.Commands;

public sealed class EditorTests : IAsyncLifetime
{
    private BotUnderTest _bot = null!;
    private readonly TempDirectory _directory = new();
    private string _edition = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotUnderTest.StartAsync();
        _edition = _directory.File("edition.md");
        await File.WriteAllTextAsync(_edition, """
            ---
            title: Social Report
            date: 2020-04-03
            language: fr
            ---

            ## Instagram lance un mode sombre
            Tags: instagram

            Instagram déploie un mode sombre sur iOS et Android, rapporte [Numerama](https://www.numerama.com/).
            """);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _directory.Dispose();
    }

    private IEditionArchive Archive => _bot.Services.GetRequiredService<IEditionArchive>();

    [Theory]
    [InlineData("/publish")]
    [InlineData("/preview")]
    [InlineData("/stats")]
    [InlineData("/broadcast")]
    [InlineData("/unpublish")]
    [InlineData("/recall")]
    [InlineData("/report")]
    public async Task Readers_are_politely_refused_every_editor_command(string command)
    {
        var reply = await _bot.AskAsync($"{command} {_edition}");

        Assert.Contains("réservée aux éditeurs", reply.NoticeText());
        Assert.Equal(4, Archive.Count());
    }

    [Fact]
    public async Task An_editor_publishes_by_path_sees_the_preview_and_readers_find_it_at_once()
    {
        var reply = await _bot.AskAsync($"/publish {_edition}", "admin");

        Assert.Contains("publiée (1 article)", Assert.IsType<NoticeCard>(reply.Cards[0]).Text);
        Assert.Equal("2020-04-03", Assert.IsType<CoverCard>(reply.Cards[1]).EditionId);
        Assert.IsType<StoryCard>(reply.Cards[2]);
        Assert.Equal("2020-04-03", (await _bot.AskAsync("/latest")).Single<CoverCard>().EditionId);
        Assert.Equal("/read 2020-04-03/1", (await _bot.AskAsync("/topic instagram")).Single<ListCard>().Items[0].Open!.Command);

        Assert.Contains("déjà publiée à l’identique", (await _bot.AskAsync($"/publish {_edition}", "admin")).NoticeText());
    }

    [Fact]
    public async Task A_bad_edition_is_rejected_with_its_line_and_nothing_is_stored()
    {
        await File.WriteAllTextAsync(_edition, "---\ntitle: [unclosed\ndate: 2020-04-03\n---\n\n## A\n\ntext\n");

        var text = (await _bot.AskAsync($"/publish {_edition}", "admin")).NoticeText();

        Assert.StartsWith("Édition refusée : ", text, StringComparison.Ordinal);
        Assert.Contains($"{Path.GetFileName(_edition)}:2: ", text, StringComparison.Ordinal);
        Assert.Equal(4, Archive.Count());
    }

    [Fact]
    public async Task An_editor_unpublishes_an_edition_and_it_leaves_the_archive_the_search_and_latest()
    {
        Assert.Equal("2020-03-27", (await _bot.AskAsync("/latest")).Single<CoverCard>().EditionId);
        Assert.Contains("2020-03-27/", string.Join(" ", (await _bot.AskAsync("/search zoom")).Cards.OfType<ListCard>().SelectMany(l => l.Items).Select(i => i.Open?.Command)));
        Assert.Contains("2020-03-27", string.Join(" ", (await _bot.AskAsync("/archive")).Cards.OfType<ListCard>().SelectMany(l => l.Items).Select(i => i.Open?.Command)));

        var reply = await _bot.AskAsync("/unpublish 2020-03-27", "admin");

        Assert.Equal("L’édition du 27 mars 2020 est retirée de l’archive, de la recherche et de /latest.", reply.NoticeText());
        Assert.Equal(3, Archive.Count());
        Assert.Null(Archive.Get("2020-03-27"));
        Assert.Equal("2020-03-20", (await _bot.AskAsync("/latest")).Single<CoverCard>().EditionId);
        Assert.DoesNotContain("2020-03-27/", string.Join(" ", (await _bot.AskAsync("/search zoom")).Cards.OfType<ListCard>().SelectMany(l => l.Items).Select(i => i.Open?.Command)));
        Assert.DoesNotContain("2020-03-27", string.Join(" ", (await _bot.AskAsync("/archive")).Cards.OfType<ListCard>().SelectMany(l => l.Items).Select(i => i.Open?.Command)));
        Assert.Contains("Je ne trouve pas cette édition", (await _bot.AskAsync("/unpublish 2020-03-27", "admin")).NoticeText());
        Assert.StartsWith("Indiquez l’édition à retirer", (await _bot.AskAsync("/unpublish", "admin")).NoticeText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_stats_and_the_broadcast_plan_answer_editors()
    {
        var preview = await _bot.AskAsync("/preview 2020-03-06", "admin");
        Assert.Equal(["cover", "story", "story", "story", "story"], preview.Cards.Select(c => c.Kind));

        await _bot.AskAsync("/start", "someone");
        var stats = (await _bot.AskAsync("/stats", "admin")).Single<NoticeCard>();
        Assert.Contains("console : 1 active", stats.Text);
        Assert.Contains("4 éditions", stats.Text);

        var nobody = (await _bot.AskAsync("/broadcast", "admin")).Single<NoticeCard>();
        Assert.StartsWith("Personne à qui envoyer l’édition du 27 mars 2020 : aucune conversation n’est abonnée.", nobody.Text);
        Assert.Empty(nobody.Actions);
    }

    [Fact]
    public async Task Help_lists_the_editor_commands_only_to_editors()
    {
        var reader = (await _bot.AskAsync("/help")).Single<NoticeCard>().Text;
        var editor = (await _bot.AskAsync("/aide", "admin")).Single<NoticeCard>().Text;

        Assert.Contains("/topic", reader);
        Assert.DoesNotContain("/publish", reader);
        Assert.Contains("/publish", editor);
        Assert.Contains("/broadcast", editor);
        Assert.Contains("/unpublish — retirer une édition de l’archive et de la recherche", editor);
        Assert.DoesNotContain("/unpublish", reader);
        Assert.Contains("/recall — supprimer ce qu’une diffusion a envoyé", editor);
        Assert.Contains("/report — le bilan d’une diffusion et son CSV", editor);
        Assert.DoesNotContain("/recall", reader);
    }

    [Fact]
    public async Task A_noisy_chat_is_rate_limited_without_slowing_another()
    {
        await using var bot = await BotUnderTest.StartAsync(settings: ("Commands:PerChatPerMinute", "3"));
        for (var i = 0; i < 3; i++) Assert.IsType<CoverCard>((await bot.AskAsync("/latest", "noisy")).Cards[0]);

        Assert.Contains("Trop de commandes", (await bot.AskAsync("/latest", "noisy")).NoticeText());
        Assert.IsType<CoverCard>((await bot.AskAsync("/latest", "quiet")).Cards[0]);
    }
}
