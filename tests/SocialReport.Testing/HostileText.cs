using CsCheck;
using SocialReport.Core.Editions;

namespace SocialReport.Testing;

/// <summary>Generators of text and editions meant to break renderers: markup, entities, emoji, huge words.</summary>
public static class HostileText
{
    private static readonly string[] Tokens =
    [
        "<", ">", "&", "\"", "'", "<b>", "</b>", "<i>x</i>", "<br>", "</a>", "&amp;", "&lt;", "&#128512;", "&#x26;",
        "&nbsp;", "&", "<a href=\"https://x.example/?a=1&b=2\">", "😀", "👩‍👩‍👧", "🇫🇷", "👍🏽", "e\u0301", "\u0301",
        "\u00A0", "\u202F", "\u2009", "«", "»", "« ", " »", "M.", "Mme", "M. Zuckerberg", "…", "...", ".", "!", " !",
        "?", ";", ":", ",", "\n", "\n\n", "\t", "\r\n", "’", "l’", "WhatsApp", "Le Monde", "2020", "12", "€", "%",
        "\u200D", "\uFE0F", "𝕏", "Ursula", "von", "der", "Leyen", "dit-il.", "(", ")", "–",
    ];

    private static readonly Gen<string> Word =
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzéèàçôœABCDÉZ0123456789"], 1, 14];

    private static readonly Gen<string> Separator =
        Gen.Frequency((12, Gen.Const(" ")), (2, Gen.Const("")), (1, Gen.Const("\n")), (1, Gen.Const("\n\n")), (1, Gen.Const(". ")), (1, Gen.Const("\u00A0")));

    private static readonly Gen<string> Piece =
        Gen.Frequency((8, Word), (4, Gen.OneOf(Tokens)), (1, Gen.String[0, 6]));

    private static readonly Gen<string> Pieces =
        Gen.Select(Piece, Separator, (piece, separator) => piece + separator).List[0, 120].Select(string.Concat);

    /// <summary>About 20 000 characters of words in one paragraph.</summary>
    public static readonly Gen<string> HugeParagraph =
        Gen.Select(Word, Separator, (word, separator) => word + (separator.Contains('\n') ? " " : separator))
            .List[2600, 2800].Select(string.Concat);

    /// <summary>One 20 000-code-unit "word": letters, or emoji, or an accent stacked on every letter.</summary>
    public static readonly Gen<string> HugeWord = Gen.OneOf(
        Gen.String[Gen.Char['a', 'z'], 20_000, 20_000],
        Gen.Const(string.Concat(Enumerable.Repeat("😀", 10_000))),
        Gen.Const(string.Concat(Enumerable.Repeat("e\u0301", 10_000))),
        Gen.Const("<" + new string('&', 19_998) + ">"));

    /// <summary>Mostly short hostile text, sometimes empty, sometimes enormous.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (12, Pieces),
        (3, Pieces.List[1, 6].Select(paragraphs => string.Join("\n\n", paragraphs))),
        (1, Gen.Const("")),
        (1, Gen.Const("   \n\n  ")),
        (1, HugeParagraph),
        (1, HugeWord));

    /// <summary>Short text: headlines, names; sometimes huge.</summary>
    public static readonly Gen<string> Line = Gen.Frequency(
        (60, Gen.Select(Piece, Separator, (piece, separator) => piece + separator).List[0, 14].Select(string.Concat)),
        (3, Gen.Const("")),
        (1, HugeWord),
        (1, HugeParagraph));

    public static readonly Gen<Uri> Url = Gen.Select(Word, Word, Gen.OneOf("&", "\"", "'", "<", ">", "%26", "&amp;", "é"),
        (host, path, odd) => new Uri($"https://{host.ToLowerInvariant()}.example/{path}?a=1{odd}b=\"{path}\"&c={odd}"));

    private static readonly Gen<Source> SourceGen = Gen.Select(
        Gen.Frequency((4, Line), (1, Gen.Const(new string('L', 300)))),
        Gen.Frequency((1, Gen.Const((Uri?)null)), (2, Url.Select(u => (Uri?)u))),
        (name, url) => new Source(name, url));

    private static Gen<Story> StoryGen(string editionId, int number) => Gen.Select(
        Line, Text, SourceGen.List[0, 5], Line.List[0, 9],
        (headline, text, sources, topics) => new Story
        {
            Id = $"{editionId}/{number}",
            Headline = headline,
            Text = text,
            Sources = sources,
            Topics = topics,
        });

    public static readonly Gen<Edition> Edition =
        from id in Gen.OneOf("2020-03-06", "2020-03-06-2", "1999-12-31")
        from title in Line
        from intro in Text
        from language in Gen.OneOf("fr", "en")
        from url in Gen.Frequency((1, Gen.Const((Uri?)null)), (2, Url.Select(u => (Uri?)u)))
        from authors in Line.Select(name => new Author(name, null)).List[0, 4]
        from count in Gen.Frequency((8, Gen.Int[0, 6]), (1, Gen.Const(0)), (1, Gen.Const(30)))
        from stories in Stories(id, count)
        select new Edition
        {
            Id = id,
            Title = title,
            Date = new DateOnly(2020, 3, 6),
            Language = language,
            Url = url,
            Authors = authors,
            Intro = intro,
            Stories = stories,
        };

    private static Gen<List<Story>> Stories(string editionId, int count)
    {
        var gen = Gen.Const(new List<Story>());
        for (var n = 1; n <= count; n++)
        {
            var number = n;
            gen = gen.SelectMany(list => StoryGen(editionId, number).Select(story => new List<Story>(list) { story }));
        }
        return gen;
    }

    /// <summary>Text with every whitespace character removed: what must survive any split.</summary>
    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
