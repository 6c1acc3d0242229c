using System.Text;

namespace SocialReport.Core.Editions;

/// <summary>The encodings editors' tools export: UTF-8 with or without a byte order mark, UTF-16 with one, and
/// Windows-1252 (which covers Latin-1's letters), common in French exports from desktop tools.</summary>
public static class TextEncodings
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Windows-1252 from the code pages that ship with .NET, without registering them for the whole process.</summary>
    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252,
        EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    /// <summary>Beyond ASCII, a French or English text in Windows-1252 has letters and typography, not these.</summary>
    private const string Typography = "’‘“”«»–—…€•°©®™§·×¿¡ªº±²³¹µ¼½¾¨´¸¯¦¬";

    /// <summary>"utf-8", "utf-16", "utf-16be", "windows-1252" / "cp1252", "latin1" / "iso-8859-1"; null for any other.</summary>
    public static Encoding? Parse(string? name) => name?.Trim().ToLowerInvariant().Replace("_", "-", StringComparison.Ordinal) switch
    {
        "utf-8" or "utf8" => StrictUtf8,
        "utf-16" or "utf16" or "utf-16le" or "unicode" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true),
        "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true),
        "windows-1252" or "cp1252" or "1252" or "ansi" => Windows1252,
        "latin1" or "latin-1" or "iso-8859-1" or "iso8859-1" => Windows1252,
        _ => null,
    };

    /// <summary>The encoding the bytes announce with a byte order mark, and the mark's length; null without one.</summary>
    internal static (Encoding Encoding, int Skip)? FromByteOrderMark(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8, 3),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true), 2),
        _ => null,
    };

    internal static string? TryUtf8(ReadOnlySpan<byte> bytes, out int badOffset)
    {
        try
        {
            badOffset = -1;
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            badOffset = Math.Clamp(ex.Index, 0, bytes.Length);
            return null;
        }
    }

    /// <summary>The bytes read as Windows-1252, when that reading is plausible text: no byte the code page leaves
    /// undefined, and nothing beyond ASCII but letters, spaces and typography.</summary>
    internal static string? TryWindows1252(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = Windows1252.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        foreach (var c in text)
        {
            if (c >= 0x80 && !char.IsLetter(c) && !char.IsWhiteSpace(c) && !Typography.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }
        }
        return text;
    }
}
