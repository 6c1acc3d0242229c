using System.Globalization;
using System.Text;

namespace SocialReport.Core.Editions;

/// <summary>Helpers that compare text the way a reader does: accents, apostrophe styles and odd spaces don't matter.</summary>
internal static class TextFolding
{
    /// <summary>Same length as the input, so indexes found in the folded text apply to the original.</summary>
    public static string Fold(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = FoldChar(text[i]);
        }
        return new string(chars);
    }

    public static char FoldChar(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4' => '\'',
        '\u00A0' or '\u202F' or '\u2007' or '\u2009' => ' ',
        '\u2010' or '\u2011' => '-',
        _ when c < 128 || char.IsSurrogate(c) => c,
        _ => BaseLetter(c),
    };

    /// <summary>Lowercase, accents and apostrophes folded: the key two spellings of one name share.</summary>
    public static string Key(string text) => Fold(text).Trim().ToLowerInvariant();

    private static char BaseLetter(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.NonSpacingMark
            ? decomposed[0]
            : c;
    }
}
