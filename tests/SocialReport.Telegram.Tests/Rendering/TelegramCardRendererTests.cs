using SocialReport.Core.Cards;
using SocialReport.Telegram.Protocol;
using SocialReport.Telegram.Rendering;
using Telegram.Bot.Types.ReplyMarkups;

namespace SocialReport.Telegram.Tests.Rendering;

public class TelegramCardRendererTests
{
    private readonly MemoryCallbackStore _callbacks = new();
    private readonly TelegramCardRenderer _renderer;

    public TelegramCardRendererTests() => _renderer = new TelegramCardRenderer(_callbacks);

    private static List<List<string>> Buttons(InlineKeyboardMarkup? keyboard) =>
        keyboard is null
            ? []
            : keyboard.InlineKeyboard.Select(row => row.Select(b => $"{b.Text} | {b.CallbackData ?? b.Url}").ToList()).ToList();

    [Fact]
    public void Cover_is_one_message_with_numbered_buttons_and_the_web_edition()
    {
        var message = Assert.Single(_renderer.Render(CardFactory.Cover(SeedEdition.Build(), "fr")));

        Assert.Equal(
            """
            <b>Social Report · 6 mars 2020</b>

            Cette semaine, le Social Report revient sur la présentation de la stratégie digitale européenne et la visite de Mark Zuckerberg en Europe. Pendant ce temps, WhatsApp franchit la barre des 2 milliards d’utilisateurs et l’influence marketing se prépare à des nouveaux défis…

            1. L’Europe dévoile sa stratégie digitale pendant la tournée européenne de Mark Zuckerberg
            2. WhatsApp franchit la barre des 2 milliards d’utilisateurs
            3. Marketing d’influence, un écosystème à dynamiser
            4. Dior Makeup Holiday 2020, notre campagne influence coup de cœur

            <i>Par Ambre Limousi, Gwenaëlle Lepeltier et Nouhaila Drissi</i>
            """.ReplaceLineEndings("\n"), message.Text);
        Assert.Equal(
        [
            ["1 | /read 2020-03-06/1", "2 | /read 2020-03-06/2", "3 | /read 2020-03-06/3", "4 | /read 2020-03-06/4"],
            ["Lire l’édition en ligne | https://social-report.example/2020-03-06"],
        ], Buttons(message.Keyboard));
    }

    [Fact]
    public void Story_shows_headline_summary_linked_sources_and_hashtags()
    {
        var message = Assert.Single(_renderer.Render(CardFactory.Story(SeedEdition.Build(), 2, "fr")));

        var summary = TelegramHtml.Escape(TextCutter.Cut(SeedEdition.Story2, CardBudgets.Summary));
        Assert.Equal(
            "<b>2/4 · WhatsApp franchit la barre des 2 milliards d’utilisateurs</b>\n\n" +
            summary + "\n\n" +
            "Sources\u00A0: " +
            "<a href=\"https://www.lemonde.fr/pixels/article/2020/02/12/whatsapp-franchit-la-barre-des-2-milliards-d-utilisateurs_6029310_4408996.html\">Le Monde</a> · " +
            "<a href=\"https://www.blogdumoderateur.com/whatsapp-2-milliards-utilisateurs/?utm_source=social&amp;utm_medium=report\">Blog du Modérateur</a> · " +
            "La Croix\n" +
            "#whatsapp #chiffrement #facebook",
            message.Text);
        Assert.Null(TelegramHtml.Validate(message.Text));
        Assert.Equal(
        [
            ["◀ 1 | /read 2020-03-06/1", "Sommaire | /cover 2020-03-06", "3 ▶ | /read 2020-03-06/3"],
            ["Article complet | /full 2020-03-06/2"],
            ["Lire l’édition en ligne | https://social-report.example/2020-03-06"],
        ], Buttons(message.Keyboard));
    }

    [Fact]
    public void Full_story_parts_carry_headline_and_part_number()
    {
        var parts = CardFactory.FullStory(SeedEdition.Build(), 1, 1500, "fr");

        var messages = parts.SelectMany(_renderer.Render).ToList();

        Assert.Equal(parts.Count, messages.Count);
        Assert.StartsWith(
            $"<b>L’Europe dévoile sa stratégie digitale pendant la tournée européenne de Mark Zuckerberg</b> (1/{parts.Count})\n\nNous vous l’annoncions",
            messages[0].Text);
        Assert.All(messages.SkipLast(1), m => Assert.Null(m.Keyboard));
        Assert.Equal([["Sommaire | /cover 2020-03-06", "2 ▶ | /read 2020-03-06/2"]], Buttons(messages[^1].Keyboard));
    }

    [Fact]
    public void Single_part_has_no_part_number()
    {
        var message = Assert.Single(_renderer.Render(CardFactory.FullStory(SeedEdition.Build(), 4, 3800, "fr")[0]));

        Assert.StartsWith("<b>Dior Makeup Holiday 2020, notre campagne influence coup de cœur</b>\n\nPour la célébration", message.Text);
    }

    [Fact]
    public void Hostile_text_is_escaped_not_interpreted()
    {
        var edition = SeedEdition.Build();
        var story = edition.Stories[0] with { Headline = "<script>alert(\"x\")</script> & <b>co</b>", Text = "Tom & Jerry <3." };

        var message = Assert.Single(_renderer.Render(CardFactory.Story(edition with { Stories = [story] }, 1, "fr")));

        Assert.StartsWith(
            "<b>1/1 · &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;</b>\n\nTom &amp; Jerry &lt;3.",
            message.Text);
        Assert.Null(TelegramHtml.Validate(message.Text));
    }

    [Fact]
    public void List_numbers_items_and_gives_a_button_to_each_that_opens()
    {
        var longCommand = "/topic " + string.Join(' ', Enumerable.Repeat("réalité augmentée", 5)) + " 2";
        var list = new ListCard
        {
            Language = "fr",
            Title = "#whatsapp",
            Items =
            [
                new ListItem("WhatsApp franchit la barre des 2 milliards d’utilisateurs", "6 mars 2020", CardAction.Run("x", "/read 2020-03-06/2")),
                new ListItem("Sans lien <ni> rien"),
                new ListItem("En ligne", null, CardAction.Open("y", new Uri("https://x.example/?a=1&b=2"))),
            ],
            Footer = "1–3 sur 12",
            Actions = [[CardAction.Run("Suivants ▶", longCommand)]],
        };

        var message = Assert.Single(_renderer.Render(list));

        Assert.Equal(
            "<b>#whatsapp</b>\n\n" +
            "1. WhatsApp franchit la barre des 2 milliards d’utilisateurs — <i>6 mars 2020</i>\n" +
            "2. Sans lien &lt;ni&gt; rien\n" +
            "3. En ligne\n\n" +
            "1–3 sur 12",
            message.Text);
        var rows = message.Keyboard!.InlineKeyboard.Select(r => r.ToList()).ToList();
        Assert.Equal(["1", "3"], rows[0].Select(b => b.Text));
        Assert.Equal("/read 2020-03-06/2", rows[0][0].CallbackData);
        Assert.Equal("https://x.example/?a=1&b=2", rows[0][1].Url);
        Assert.Equal(longCommand, CallbackData.Decode(rows[1][0].CallbackData!, _callbacks));
    }

    [Fact]
    public void Notice_too_long_for_one_message_becomes_several_with_buttons_under_the_last()
    {
        var text = string.Join("\n\n", Enumerable.Repeat(string.Join(' ', Enumerable.Repeat("Bienvenue & bonjour.", 100)), 6));
        var notice = new NoticeCard
        {
            Language = "fr",
            Title = "Aide",
            Text = text,
            Actions = [[CardAction.Run("Dernière édition", "/latest")]],
        };

        var messages = _renderer.Render(notice);

        Assert.True(messages.Count >= 3, $"{messages.Count} messages");
        Assert.StartsWith("<b>Aide</b>\n\nBienvenue &amp; bonjour.", messages[0].Text);
        Assert.All(messages, m => Assert.InRange(TelegramHtml.VisibleLength(m.Text), 1, TelegramCardRenderer.MaxMessageLength));
        Assert.All(messages.SkipLast(1), m => Assert.Null(m.Keyboard));
        Assert.Equal([["Dernière édition | /latest"]], Buttons(messages[^1].Keyboard));
        Assert.Equal(
            HostileText.Squeeze("Aide" + text),
            HostileText.Squeeze(string.Concat(messages.Select(m => TelegramHtml.VisibleText(m.Text)))));
    }

    [Fact]
    public void Blank_card_still_sends_something()
    {
        var message = Assert.Single(_renderer.Render(new NoticeCard { Language = "fr", Text = "  " }));

        Assert.Equal("…", message.Text);
    }

    [Fact]
    public void Long_labels_and_unsafe_urls_are_tamed()
    {
        var notice = new NoticeCard
        {
            Language = "fr",
            Text = "x",
            Actions =
            [
                [CardAction.Run("Un libellé de bouton beaucoup trop long pour un téléphone", "/help")],
                [CardAction.Open("Piège", new Uri("javascript:alert(1)"))],
            ],
        };

        var message = Assert.Single(_renderer.Render(notice));

        var button = Assert.Single(message.Keyboard!.InlineKeyboard.SelectMany(r => r));
        Assert.Equal("Un libellé de bouton beaucoup…", button.Text);
    }
}
