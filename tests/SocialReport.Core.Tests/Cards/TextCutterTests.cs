using CsCheck;
using SocialReport.Core.Cards;

namespace SocialReport.Core.Tests.Cards;

public class TextCutterTests
{
    private static readonly TextBudget Summary = CardBudgets.Summary;

    [Fact]
    public void Keeps_text_that_fits()
    {
        Assert.Equal("Bonne lecture !", TextCutter.Cut("  Bonne lecture !\n", Summary));
        Assert.Equal("", TextCutter.Cut("", Summary));
    }

    [Fact]
    public void Summarizes_the_whatsapp_story_with_its_first_two_paragraphs()
    {
        var summary = TextCutter.Cut(SeedEdition.Story2, Summary);

        var expected = SeedEdition.Story2Paragraph1 + "\n\n" + SeedEdition.Story2Paragraph2[..^1] + "…";
        Assert.Equal(expected, summary);
        Assert.InRange(summary.Length, Summary.Min, Summary.Max);
    }

    [Fact]
    public void Cuts_the_intro_after_its_last_sentence_within_budget()
    {
        var intro = TextCutter.Cut(SeedEdition.Intro, CardBudgets.Intro);

        Assert.EndsWith("se prépare à des nouveaux défis…", intro);
        Assert.StartsWith("Cette semaine, le Social Report", intro);
    }

    [Fact]
    public void Does_not_end_a_sentence_after_a_title_like_M()
    {
        var text = "Ce que nous proposons est nouveau, a précisé M. Zuckerberg devant la presse réunie à Bruxelles pour l’occasion.";

        var cut = TextCutter.Cut(text, new TextBudget(30, 60));

        Assert.Equal("Ce que nous proposons est nouveau, a précisé M. Zuckerberg…", cut);
    }

    [Fact]
    public void Keeps_a_closing_guillemet_with_its_sentence()
    {
        var text = "« Nous ne ferons aucun compromis sur la sécurité. » A bon entendeur, dit WhatsApp à qui veut l’entendre.";

        var cut = TextCutter.Cut(text, new TextBudget(20, 70));

        Assert.Equal("« Nous ne ferons aucun compromis sur la sécurité. »…", cut);
    }

    [Fact]
    public void Does_not_cut_before_a_lowercase_continuation()
    {
        var text = "Des plateformes, des marques, etc. et des gens. Puis encore beaucoup d’autres choses à dire ici.";

        var cut = TextCutter.Cut(text, new TextBudget(10, 60));

        Assert.Equal("Des plateformes, des marques, etc. et des gens…", cut);
    }

    [Fact]
    public void Falls_back_to_a_word_boundary_without_dangling_punctuation()
    {
        var text = "Détenue par Facebook, WhatsApp a annoncé, le 12 février, avoir franchi la barre des 2 milliards";

        var cut = TextCutter.Cut(text, new TextBudget(40, 42));

        Assert.Equal("Détenue par Facebook, WhatsApp a annoncé…", cut);
    }

    [Fact]
    public void Never_breaks_at_a_no_break_space()
    {
        var text = "Un texte assez long pour être coupé ici\u00A0: la suite ne tient pas dans le budget";

        var cut = TextCutter.Cut(text, new TextBudget(10, 40));

        Assert.Equal("Un texte assez long pour être coupé…", cut);
    }

    [Fact]
    public void Cuts_a_giant_word_between_grapheme_clusters()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 400));
        var accents = string.Concat(Enumerable.Repeat("e\u0301", 400));

        var cutEmoji = TextCutter.Cut(emoji, Summary);
        var cutAccents = TextCutter.Cut(accents, Summary);

        Assert.Equal(string.Concat(Enumerable.Repeat("😀", 250)) + "…", cutEmoji);
        Assert.Equal(string.Concat(Enumerable.Repeat("e\u0301", 250)) + "…", cutAccents);
    }

    [Fact]
    public void Keeps_a_lone_opening_guillemet_rather_than_cut_the_word_after_it()
    {
        var cut = TextCutter.Cut("«  Alfred a dit", new TextBudget(0, 5));

        Assert.Equal("«…", cut);
    }

    [Fact]
    public void Cuts_hostile_text_within_budget_and_never_mid_word_on_a_case_that_failed_once() =>
        CutsWithinBudgetAndNeverMidWord.Sample(AssertCutWithinBudgetAndNeverMidWord, iter: 1, seed: "5SWdc6bk18v1");

    [Fact]
    public void Cuts_hostile_text_within_budget_and_never_mid_word() =>
        CutsWithinBudgetAndNeverMidWord.Check(AssertCutWithinBudgetAndNeverMidWord, iter: 400);

    private static readonly Gen<(string, int, int)> CutsWithinBudgetAndNeverMidWord =
        Gen.Select(HostileText.Text, Gen.Int[1, 600], Gen.Int[0, 600]);

    private static void AssertCutWithinBudgetAndNeverMidWord((string Text, int Max, int Min) input)
    {
        var (text, max, min) = input;
        var budget = new TextBudget(Math.Min(min, max), max);
        var trimmed = text.Trim();

        var cut = TextCutter.Cut(text, budget);

        Assert.True(cut.Length <= max + 1, $"{cut.Length} > {max} + 1");
        if (cut == trimmed)
            return;
        Assert.EndsWith("…", cut);
        var body = cut[..^1];
        Assert.StartsWith(body, trimmed, StringComparison.Ordinal);
        Assert.False(body.Length > 0 && char.IsHighSurrogate(body[^1]), "split a surrogate pair");
        var next = trimmed[body.Length];
        var midWord = char.IsLetterOrDigit(next) || char.IsLowSurrogate(next)
            || char.GetUnicodeCategory(next) == System.Globalization.UnicodeCategory.NonSpacingMark;
        if (midWord)
            Assert.DoesNotContain(trimmed.Substring(1, max), TextBoundaries.IsBreakSpace);
    }
}
