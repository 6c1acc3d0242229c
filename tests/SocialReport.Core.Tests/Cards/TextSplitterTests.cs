using CsCheck;
using SocialReport.Core.Cards;

namespace SocialReport.Core.Tests.Cards;

public class TextSplitterTests
{
    private static string Paragraph(char letter, int words) =>
        string.Join(' ', Enumerable.Repeat(new string(letter, 9), words)) + ".";

    [Fact]
    public void Packs_whole_paragraphs_into_parts()
    {
        var (a, b, c) = (Paragraph('a', 10), Paragraph('b', 10), Paragraph('c', 10));

        var parts = TextSplitter.Split($"{a}\n\n{b}\n\n{c}", 250);

        Assert.Equal([$"{a}\n\n{b}", c], parts);
    }

    [Fact]
    public void Splits_a_long_paragraph_at_a_sentence_end()
    {
        var text = "Première phrase assez longue pour compter. Deuxième phrase, elle aussi assez longue. Troisième.";

        var parts = TextSplitter.Split(text, 90);

        Assert.Equal(["Première phrase assez longue pour compter. Deuxième phrase, elle aussi assez longue.", "Troisième."], parts);
    }

    [Fact]
    public void Prefers_a_late_word_gap_to_an_early_paragraph_break()
    {
        var text = "Titre\n\n" + string.Join(' ', Enumerable.Repeat("mot", 40));

        var parts = TextSplitter.Split(text, 100);

        Assert.True(parts[0].Length > 50, parts[0]);
        Assert.StartsWith("Titre\n\nmot mot", parts[0]);
    }

    [Fact]
    public void Cuts_a_20000_character_word_between_code_points()
    {
        var word = string.Concat(Enumerable.Repeat("abc😀", 5000));

        var parts = TextSplitter.Split(word, 3800);

        Assert.Equal(word, string.Concat(parts));
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 3800));
        Assert.All(parts, p => Assert.False(char.IsLowSurrogate(p[0]) || char.IsHighSurrogate(p[^1])));
    }

    [Fact]
    public void Keeps_accents_with_their_letters()
    {
        var word = string.Concat(Enumerable.Repeat("e\u0301", 1000));

        var parts = TextSplitter.Split(word, 301);

        Assert.Equal(word, string.Concat(parts));
        Assert.All(parts, p => Assert.Equal('e', p[0]));
    }

    [Fact]
    public void Gives_nothing_for_blank_text()
    {
        Assert.Empty(TextSplitter.Split("", 100));
        Assert.Empty(TextSplitter.Split(" \n\n\t ", 100));
    }

    [Fact]
    public void Loses_nothing_but_whitespace_at_the_cuts() =>
        Gen.Select(HostileText.Text, Gen.Int[2, 5000]).Check((text, max) =>
        {
            var parts = TextSplitter.Split(text, max);

            Assert.Equal(HostileText.Squeeze(text), HostileText.Squeeze(string.Concat(parts)));
            foreach (var part in parts)
            {
                Assert.InRange(part.Length, 1, max);
                Assert.Equal(part.Trim(), part);
            }
            if (text.Length <= max && text.Trim().Length > 0)
                Assert.Equal([text.Trim()], parts);
        }, iter: 400);
}
