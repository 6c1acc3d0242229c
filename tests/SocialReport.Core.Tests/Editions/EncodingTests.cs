using System.Text;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Editions;

/// <summary>The encodings editors' tools export are read without being named; --encoding overrides.</summary>
public sealed class EncodingTests
{
    private const string Edition = "Veille sociale – 6 mars 2020\n\nCette semaine, l’été arrive en avance « chez nous ».\n\nTikTok lance une boutique à 5 €\n\nLe réseau social ouvre sa boutique en France, rapporte Le Monde.\n";

    private static Edition Import(byte[] content, Encoding? encoding = null) =>
        new EditionImporter().Import("veille.txt", content, new EditionHints { Encoding = encoding });

    private static void AssertRead(Edition edition)
    {
        Assert.Equal("Veille sociale", edition.Title);
        Assert.Equal(new DateOnly(2020, 3, 6), edition.Date);
        Assert.Equal("Cette semaine, l’été arrive en avance « chez nous ».", edition.Intro);
        Assert.Equal("TikTok lance une boutique à 5 €", edition.Stories.Single().Headline);
    }

    public static TheoryData<string> DetectedEncodings => ["utf-8", "utf-8 bom", "utf-16le bom", "utf-16be bom", "windows-1252"];

    [Theory]
    [MemberData(nameof(DetectedEncodings))]
    public void Each_encoding_is_read_without_being_named(string name) => AssertRead(Import(Bytes(name)));

    [Fact]
    public void Latin1_letters_are_windows_1252_letters()
    {
        var edition = Import(Encoding.Latin1.GetBytes(Edition.Replace("’", "'", StringComparison.Ordinal).Replace("€", "EUR", StringComparison.Ordinal).Replace("–", "-", StringComparison.Ordinal)));

        Assert.Equal("Cette semaine, l'été arrive en avance « chez nous ».", edition.Intro);
    }

    [Fact]
    public void The_encoding_given_wins_over_the_detection()
    {
        // UTF-8 bytes read as Windows-1252: what the editor asked for, "Ã©" and all.
        var edition = Import(Encoding.UTF8.GetBytes(Edition), TextEncodings.Parse("windows-1252"));

        Assert.Contains("lâ€™Ã©tÃ©", edition.Intro, StringComparison.Ordinal);
        AssertRead(Import(Bytes("windows-1252"), TextEncodings.Parse("cp1252")));
        AssertRead(Import(Bytes("utf-16le bom"), TextEncodings.Parse("utf-16")));
    }

    [Fact]
    public void A_wrong_encoding_given_is_refused_with_its_name()
    {
        var error = Assert.Throws<EditionImportException>(() => Import(Bytes("windows-1252"), TextEncodings.Parse("utf-8")));

        Assert.Contains("not valid utf-8 text", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-8", 65001)]
    [InlineData("UTF8", 65001)]
    [InlineData("utf-16", 1200)]
    [InlineData("utf-16be", 1201)]
    [InlineData("windows-1252", 1252)]
    [InlineData("latin1", 1252)]
    [InlineData("ISO-8859-1", 1252)]
    public void Encoding_names(string name, int codePage) => Assert.Equal(codePage, TextEncodings.Parse(name)!.CodePage);

    [Theory]
    [InlineData("ebcdic")]
    [InlineData("shift_jis")]
    [InlineData("")]
    public void Other_encodings_are_not_taken(string name) => Assert.Null(TextEncodings.Parse(name));

    [Fact]
    public void A_utf16_file_with_control_characters_is_still_binary()
    {
        var error = Assert.Throws<EditionImportException>(() => Import([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Veille\n\u0001\u0002")]));

        Assert.Contains("looks binary", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Bytes(string name) => name switch
    {
        "utf-8" => Encoding.UTF8.GetBytes(Edition),
        "utf-8 bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Edition)],
        "utf-16le bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Edition)],
        "utf-16be bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Edition)],
        _ => TextEncodings.Windows1252.GetBytes(Edition),
    };
}
