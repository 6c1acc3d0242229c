using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Archive;
using SocialReport.Core.Cards;

namespace SocialReport.Host.Tests.Commands;

/// <summary>/publish of a file that says nowhere when it was published asks for the date instead of refusing it.</summary>
public sealed class UndatedPublishTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TempDirectory _directory = new();
    private BotUnderTest _bot = null!;
    private string _edition = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotUnderTest.StartAsync(builder => builder.Services.AddSingleton<TimeProvider>(_time));
        _edition = _directory.File("veille.txt");
        await File.WriteAllTextAsync(_edition,
            "Veille sociale\n\nUne intro sans aucune date, assez longue pour en être une.\n\nTikTok lance une boutique\n\nTikTok ouvre sa boutique en France, selon Le Monde.\n");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _directory.Dispose();
    }

    private IEditionArchive Archive => _bot.Services.GetRequiredService<IEditionArchive>();

    [Fact]
    public async Task Without_a_date_the_editor_gets_the_preview_and_two_buttons_and_nothing_is_published()
    {
        var reply = await _bot.AskAsync($"/publish {_edition}", "admin");

        var ask = Assert.IsType<NoticeCard>(reply.Cards[0]);
        Assert.Contains("ne dit nulle part quand elle a paru", ask.Text, StringComparison.Ordinal);
        Assert.Contains("4 décembre 2026", ask.Text, StringComparison.Ordinal);
        Assert.Equal("/publish date 2026-12-04", ask.Action("Date de cette semaine").Command);
        Assert.Equal("/publish date", ask.Action("Choisir une date").Command);
        Assert.Equal("2026-12-04", Assert.IsType<CoverCard>(reply.Cards[1]).EditionId);
        Assert.IsType<StoryCard>(reply.Cards[2]);
        Assert.Equal(4, Archive.Count());
    }

    [Fact]
    public async Task This_weeks_date_button_publishes_the_waiting_file()
    {
        await _bot.AskAsync($"/publish {_edition}", "admin");

        var reply = await _bot.AskAsync("/publish date 2026-12-04", "admin", fromButton: true);

        Assert.Contains("publiée (1 article)", Assert.IsType<NoticeCard>(reply.Cards[0]).Text, StringComparison.Ordinal);
        var published = Archive.Get("2026-12-04");
        Assert.Equal((new DateOnly(2026, 12, 4), "TikTok lance une boutique"), (published!.Date, published.Stories[0].Headline));
        Assert.Contains("Aucun fichier n’attend de date", (await _bot.AskAsync("/publish date 2026-12-04", "admin")).NoticeText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choose_a_date_says_how_and_the_typed_date_publishes()
    {
        await _bot.AskAsync($"/publish {_edition}", "admin");

        Assert.Contains("/publish date AAAA-MM-JJ, par exemple /publish date 2026-12-04", (await _bot.AskAsync("/publish date", "admin", fromButton: true)).NoticeText(), StringComparison.Ordinal);
        var reply = await _bot.AskAsync("/publish date 2021-05-14", "admin");

        Assert.Contains("Édition du 14 mai 2021 publiée", Assert.IsType<NoticeCard>(reply.Cards[0]).Text, StringComparison.Ordinal);
        Assert.Equal(5, Archive.Count());
    }

    [Fact]
    public async Task A_date_typed_with_the_file_publishes_at_once()
    {
        var reply = await _bot.AskAsync($"/publish {_edition} date 2021-05-14", "admin");

        Assert.Contains("Édition du 14 mai 2021 publiée", Assert.IsType<NoticeCard>(reply.Cards[0]).Text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2021, 5, 14), Archive.Get("2021-05-14")!.Date);
    }

    [Theory]
    [InlineData("/publish date 13/03/2020")]
    [InlineData("/publish date demain")]
    public async Task A_date_that_is_not_one_gets_the_way_to_write_it(string command) =>
        Assert.Contains("AAAA-MM-JJ", (await _bot.AskAsync(command, "admin")).NoticeText(), StringComparison.Ordinal);

    [Fact]
    public async Task A_waiting_file_is_forgotten_after_its_lifetime()
    {
        await _bot.AskAsync($"/publish {_edition}", "admin");
        _time.Advance(Core.Commands.UndatedEditions.Lifetime + TimeSpan.FromSeconds(1));

        Assert.Contains("Aucun fichier n’attend de date", (await _bot.AskAsync("/publish date 2026-12-04", "admin")).NoticeText(), StringComparison.Ordinal);
    }
}
