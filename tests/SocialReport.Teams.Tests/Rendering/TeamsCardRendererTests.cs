using System.Text.Json.Nodes;
using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Editions;
using SocialReport.Teams.Protocol;
using SocialReport.Teams.Rendering;
using SocialReport.Testing.Teams;

namespace SocialReport.Teams.Tests.Rendering;

public sealed class TeamsCardRendererTests
{
    private readonly TeamsCardRenderer _renderer = new();

    private JsonObject SeedEdition(string language = "fr") =>
        _renderer.RenderEdition(SeedCards.Cover(language, SeedCards.EditionUrl), SeedCards.StoryCards(language, SeedCards.EditionUrl));

    [Fact]
    public void The_edition_is_one_valid_card_with_everything_in_it()
    {
        var card = SeedEdition();

        CardAssert.Valid(card);
        var texts = CardAssert.Texts(card).Select(CardAssert.Plain).ToList();
        Assert.Equal("Social Report", texts[0]);
        Assert.Equal("6 mars 2020", texts[1]);
        Assert.StartsWith("Cette semaine, le Social Report revient", texts[2]);
        Assert.Contains("1. L’Europe dévoile sa stratégie digitale pendant la tournée européenne de Mark Zuckerberg", texts);
        Assert.Contains("2. WhatsApp franchit la barre des 2 milliards d’utilisateurs", texts);
        Assert.Contains("3. Marketing d’influence, un écosystème à dynamiser", texts);
        Assert.Contains("4. Dior Makeup Holiday 2020, notre campagne influence coup de cœur", texts);
        Assert.Contains(texts, t => t.StartsWith("Détenue par Facebook, WhatsApp a annoncé", StringComparison.Ordinal));
        Assert.Contains("#whatsapp #chiffrement #facebook", texts);
        Assert.Contains("#dior #réalité_augmentée", texts);
        Assert.Contains("Par Ambre Limousi, Gwenaëlle Lepeltier et Nouhaila Drissi", texts);
        Assert.Contains("Sources : Luxe Infinity", texts);
        var mixed = Assert.Single(texts, t => t.Contains("Les Echos", StringComparison.Ordinal)); // one source without URL: one line for all
        Assert.Equal("Sources : [Le Monde](https://www.lemonde.fr/pixels/article/2020/02/19/strategie-numerique.html) · Les Echos", mixed);
    }

    [Fact]
    public void The_header_is_large_and_bold()
    {
        var title = CardAssert.OfType(SeedEdition(), "TextBlock").First();

        Assert.Equal("Large", title["size"]!.GetValue<string>());
        Assert.Equal("Bolder", title["weight"]!.GetValue<string>());
    }

    [Fact]
    public void Each_story_unfolds_in_place_with_Lire()
    {
        var card = SeedEdition();

        var toggles = CardAssert.OfType(card, "Action.ToggleVisibility").ToList();
        Assert.Equal(4, toggles.Count);
        Assert.All(toggles, t => Assert.Equal("Lire", t["title"]!.GetValue<string>()));
        var hidden = CardAssert.OfType(card, "Container").Where(c => c["isVisible"]?.GetValue<bool>() == false).ToList();
        Assert.Equal(4, hidden.Count);
        Assert.Equal(toggles.Select(t => t["targetElements"]![0]!.GetValue<string>()), hidden.Select(c => c["id"]!.GetValue<string>()));
        // The summary is inside the hidden part, not in the first view.
        Assert.Contains(CardAssert.Texts(hidden[1]), t => t.StartsWith("Détenue par Facebook", StringComparison.Ordinal));
    }

    [Fact]
    public void Sources_are_buttons_and_the_full_text_is_one_tap_away()
    {
        var card = SeedEdition();
        var whatsapp = CardAssert.OfType(card, "Container").Single(c => c["id"]?.GetValue<string>() == "story-2");

        var links = CardAssert.OfType(whatsapp, "Action.OpenUrl").Select(a => (a["title"]!.GetValue<string>(), a["url"]!.GetValue<string>())).ToList();
        Assert.Equal(
            [("Le Monde", "https://www.lemonde.fr/pixels/article/2020/02/12/whatsapp-2-milliards.html"),
             ("Blog du Modérateur", "https://www.blogdumoderateur.com/whatsapp-2-milliards/"),
             ("La Croix", "https://www.la-croix.com/whatsapp-chiffrement")],
            links);
        var full = Assert.Single(CardAssert.OfType(whatsapp, "Action.Submit"));
        Assert.Equal("Article complet", full["title"]!.GetValue<string>());
        Assert.Equal("/full 2020-03-06/2", full["data"]!["command"]!.GetValue<string>());
    }

    [Fact]
    public void Navigation_buttons_have_no_place_in_the_whole_edition()
    {
        var commands = CardAssert.OfType(SeedEdition(), "Action.Submit").Select(a => a["data"]!["command"]!.GetValue<string>()).ToList();

        Assert.Equal(["/full 2020-03-06/1", "/full 2020-03-06/2", "/full 2020-03-06/3", "/full 2020-03-06/4"], commands);
    }

    [Fact]
    public void The_footer_links_the_online_edition_once()
    {
        var card = SeedEdition();

        var online = CardAssert.OfType(card, "Action.OpenUrl").Where(a => a["url"]!.GetValue<string>() == SeedCards.EditionUrl.AbsoluteUri).ToList();
        var link = Assert.Single(online);
        Assert.Equal("Lire l’édition en ligne", link["title"]!.GetValue<string>());
        Assert.Same(card["body"]!.AsArray()[^1], link.Parent!.Parent!.Parent!.Parent); // in the last container
    }

    [Fact]
    public void Without_URL_there_is_no_online_edition_button()
    {
        var card = _renderer.RenderEdition(SeedCards.Cover(), SeedCards.StoryCards());

        CardAssert.Valid(card);
        Assert.DoesNotContain(CardAssert.OfType(card, "Action.OpenUrl"), a => a["title"]!.GetValue<string>().Contains("en ligne", StringComparison.Ordinal));
    }

    [Fact]
    public void An_English_edition_says_Read()
    {
        var card = SeedEdition("en");

        Assert.All(CardAssert.OfType(card, "Action.ToggleVisibility"), t => Assert.Equal("Read", t["title"]!.GetValue<string>()));
        Assert.Equal("en", card["lang"]!.GetValue<string>());
        Assert.Contains("Sources: Luxe Infinity", CardAssert.Texts(card));
    }

    [Fact]
    public void Only_web_links_become_buttons()
    {
        var story = SeedCards.Story(1) with
        {
            Sources = [new Source("Piège", new Uri("javascript:alert(1)")), new Source("Fichier", new Uri("file:///etc/passwd")), new Source("Le Monde", new Uri("https://www.lemonde.fr/"))],
        };

        var card = _renderer.Render(story);

        CardAssert.Valid(card);
        Assert.Empty(CardAssert.OfType(card, "Action.OpenUrl"));
        var line = Assert.Single(CardAssert.Texts(card), t => t.StartsWith("Sources", StringComparison.Ordinal));
        Assert.Equal(["https://www.lemonde.fr/"], MarkdownView.Links(line).Select(l => l.Url));
        Assert.Contains("Piège · Fichier · ", line);
    }

    [Fact]
    public void Many_sources_become_one_line_of_links()
    {
        var sources = Enumerable.Range(1, 7).Select(i => new Source($"Journal [{i}]", new Uri($"https://news{i}.example/a(b)"))).ToList();
        var card = _renderer.Render(SeedCards.Story(2) with { Sources = sources });

        CardAssert.Valid(card);
        Assert.Empty(CardAssert.OfType(card, "Action.OpenUrl"));
        var line = Assert.Single(CardAssert.Texts(card), t => t.StartsWith("Sources", StringComparison.Ordinal));
        Assert.Contains("[Journal \\[1\\]](https://news1.example/a%28b%29)", line);
        Assert.Equal(7, MarkdownView.Links(line).Count);
    }

    [Fact]
    public void Untrusted_text_never_turns_into_formatting_or_links()
    {
        var story = SeedCards.Story(1) with
        {
            Headline = "*Exclusif* : _TikTok_ rachète [Vine](https://evil.example)",
            Summary = "# Pas un titre\n\n1984. Une année **clé** pour `Apple`\n\n- pas une liste",
            Topics = ["#metoo"],
            Sources = [new Source("*Le* [Monde]", null)],
        };

        var card = _renderer.Render(story);

        foreach (var text in CardAssert.Texts(card))
        {
            Assert.True(MarkdownView.IsPlain(text), $"'{text}' renders as Markdown");
        }
        var plain = CardAssert.Texts(card).Select(CardAssert.Plain).ToList();
        Assert.Contains("1/4 · *Exclusif* : _TikTok_ rachète [Vine](https://evil.example)", plain);
        Assert.Contains("1984. Une année **clé** pour `Apple`", plain);
        Assert.Contains("# Pas un titre", plain);
        Assert.Contains("Sources : *Le* [Monde]", plain);
    }

    [Fact]
    public void A_huge_edition_drops_the_summaries_to_stay_one_message()
    {
        var summary = string.Join(' ', Enumerable.Repeat("Une phrase assez longue pour remplir la carte de l’édition.", 40));
        var cover = SeedCards.Cover(count: 30);
        var stories = SeedCards.StoryCards(count: 30, summary: _ => summary);
        Assert.False(TeamsActivities.Fits(TeamsActivities.ForCards([_renderer.RenderEdition(cover, stories)])));

        var activity = TeamsActivities.ForEdition(_renderer, cover, stories);

        Assert.True(TeamsJson.Utf16Size(activity) <= TeamsActivities.MaxActivitySize);
        var card = Assert.Single(activity.Attachments!).Content!.AsObject();
        CardAssert.Valid(card);
        Assert.Empty(CardAssert.OfType(card, "Action.ToggleVisibility"));
        var reads = CardAssert.OfType(card, "Action.Submit").ToList();
        Assert.Equal(30, reads.Count);
        Assert.All(reads, r => Assert.Equal("Lire", r["title"]!.GetValue<string>()));
        Assert.Equal("/read 2020-03-06/30", reads[^1]["data"]!["command"]!.GetValue<string>());
        Assert.Contains("30. WhatsApp franchit la barre des 2 milliards d’utilisateurs", CardAssert.Texts(card).Select(CardAssert.Plain));
    }

    [Fact]
    public void An_edition_too_big_even_without_summaries_shows_what_fits_and_says_how_many_more()
    {
        var cover = SeedCards.Cover(count: 600);
        var stories = SeedCards.StoryCards(count: 600);

        var activity = TeamsActivities.ForEdition(_renderer, cover, stories);

        Assert.True(TeamsJson.Utf16Size(activity) <= TeamsActivities.MaxActivitySize);
        var card = Assert.Single(activity.Attachments!).Content!.AsObject();
        CardAssert.Valid(card);
        var shown = CardAssert.OfType(card, "Action.Submit").Count();
        Assert.InRange(shown, 100, 599);
        Assert.Contains($"+ {600 - shown} autres articles", CardAssert.Texts(card).Select(CardAssert.Plain));
        var bigger = _renderer.RenderEdition(cover, [.. stories.Take(shown + 1)], withDetails: false, omitted: 600 - shown - 1);
        Assert.False(TeamsActivities.Fits(TeamsActivities.ForCards([bigger]))); // as many as fit, not fewer
    }

    private static readonly Card[] Singles =
    [
        SeedCards.Cover(url: SeedCards.EditionUrl),
        SeedCards.Story(2, url: SeedCards.EditionUrl),
        new StoryPartCard
        {
            Language = "fr", StoryId = "2020-03-06/2", Headline = "WhatsApp franchit la barre des 2 milliards d’utilisateurs", Part = 1, Parts = 2,
            Text = "Détenue par Facebook, WhatsApp a annoncé…\n\nPour attirer une audience toujours plus grande…",
            Actions = [[CardAction.Run("Sommaire", "/cover 2020-03-06"), CardAction.Run("3 ▶", "/read 2020-03-06/3")]],
        },
        new ListCard
        {
            Language = "fr", Title = "Sujet : whatsapp", Footer = "1–2 sur 2",
            Items = [new ListItem("WhatsApp franchit la barre des 2 milliards d’utilisateurs", "6 mars 2020", CardAction.Run("Lire", "/read 2020-03-06/2")),
                     new ListItem("Messenger chiffré à son tour", "13 mars 2020", CardAction.Run("Lire", "/read 2020-03-13/1"))],
            Actions = [[CardAction.Run("Voir plus ▶", "/topic whatsapp page:2")]],
        },
        new NoticeCard { Language = "fr", Title = "Commandes", Text = "/latest : la dernière édition\n\n/topic : les articles sur un sujet" },
        new NoticeCard { Language = "en", Text = "Welcome! You will get the Social Report every week." },
    ];

    public static TheoryData<Card> SingleCards => [.. Singles];

    [Theory]
    [MemberData(nameof(SingleCards))]
    public void Every_single_card_is_valid(Card card)
    {
        CardAssert.Valid(_renderer.Render(card));
    }

    [Fact]
    public void Each_line_of_a_text_is_a_TextBlock_of_its_own_as_Markdown_would_run_single_lines_together()
    {
        var notice = new NoticeCard { Language = "fr", Title = "Commandes", Text = "/start — s’abonner\n/latest — la dernière édition\n\nÉditeurs :\n/stats — abonnés" };

        var card = _renderer.Render(notice);

        var blocks = CardAssert.OfType(card, "TextBlock").ToList();
        Assert.Equal(["Commandes", "/start — s’abonner", "/latest — la dernière édition", "Éditeurs :", "/stats — abonnés"],
            blocks.Select(b => CardAssert.Plain(b["text"]!.GetValue<string>())));
        Assert.Equal([null, null, "None", null, "None"], blocks.Select(b => b["spacing"]?.GetValue<string>()));
        Assert.All(blocks, b => Assert.DoesNotContain("\n", b["text"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_list_offers_a_button_per_item_sending_its_command()
    {
        var list = Singles.OfType<ListCard>().Single();

        var card = _renderer.Render(list);

        var commands = CardAssert.OfType(card, "Action.Submit").Select(a => a["data"]!.ToJsonString()).ToList();
        Assert.Equal(["{\"command\":\"/read 2020-03-06/2\"}", "{\"command\":\"/read 2020-03-13/1\"}", "{\"command\":\"/topic whatsapp page:2\"}"], commands);
        Assert.Contains("1–2 sur 2", CardAssert.Texts(card));
    }

    [Fact]
    public void A_story_card_shows_its_place_and_all_its_buttons()
    {
        var card = _renderer.Render(SeedCards.Story(2, url: SeedCards.EditionUrl));

        Assert.Equal("2/4 · WhatsApp franchit la barre des 2 milliards d’utilisateurs", CardAssert.Plain(CardAssert.Texts(card).First()));
        var buttons = CardAssert.Elements(card).Where(e => e["type"]!.GetValue<string>().StartsWith("Action.", StringComparison.Ordinal))
            .Select(a => a["title"]!.GetValue<string>());
        Assert.Equal(["Le Monde", "Blog du Modérateur", "La Croix", "◀ 1", "Sommaire", "3 ▶", "Article complet", "Lire l’édition en ligne"], buttons);
    }

    [Fact]
    public void Topics_are_the_hashtags_every_channel_writes()
    {
        string[] topics = ["Mark Zuckerberg", "Tik-Tok!", "whatsapp", "WhatsApp", "<&>"];
        var story = SeedCards.Story(2) with { Topics = topics };

        var texts = CardAssert.Texts(_renderer.Render(story)).Concat(CardAssert.Texts(_renderer.RenderEdition(SeedCards.Cover(), [story]))).Select(CardAssert.Plain);

        Assert.Equal("#mark_zuckerberg #tik_tok #whatsapp", Hashtags.Line(topics));
        Assert.Equal(2, texts.Count(t => t == Hashtags.Line(topics)));
        Assert.Contains(Hashtags.Line(topics)!, new PlainTextRenderer().Render(story));
    }

    [Fact]
    public void A_full_text_part_says_which_part_it_is()
    {
        var part = Singles.OfType<StoryPartCard>().Single();

        var texts = CardAssert.Texts(_renderer.Render(part)).ToList();

        Assert.Equal("Partie 1/2", texts[1]);
        Assert.Equal(4, texts.Count);
    }

    [Fact]
    public void Several_cards_in_one_message_are_a_carousel()
    {
        var activity = TeamsActivities.ForCards([_renderer.Render(SeedCards.Story(1)), _renderer.Render(SeedCards.Story(2))]);

        Assert.Equal("message", activity.Type);
        Assert.Equal("carousel", activity.AttachmentLayout);
        Assert.All(activity.Attachments!, a => Assert.Equal("application/vnd.microsoft.card.adaptive", a.ContentType));
    }

    [Fact]
    public void A_reply_with_a_cover_and_its_stories_is_one_edition_message()
    {
        var welcome = new NoticeCard { Language = "fr", Text = "Bienvenue !" };
        var reply = new Reply([welcome, SeedCards.Cover(), .. SeedCards.StoryCards(), SeedCards.Cover()]);

        var activities = TeamsActivities.ForReply(_renderer, reply);

        Assert.Equal(3, activities.Count);
        Assert.Equal(4, CardAssert.OfType(activities[1].Attachments![0].Content!.AsObject(), "Action.ToggleVisibility").Count());
        Assert.Empty(CardAssert.OfType(activities[2].Attachments![0].Content!.AsObject(), "Action.ToggleVisibility"));
        var json = TeamsJson.Serialize(activities[0]);
        Assert.Contains("\"contentType\":\"application/vnd.microsoft.card.adaptive\"", json);
        Assert.DoesNotContain("null", json);
    }
}
