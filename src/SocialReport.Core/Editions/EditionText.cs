using System.Text;

namespace SocialReport.Core.Editions;

/// <summary>Turns a file's bytes into text, or says in one line why they are not an edition. The encoding is the one
/// given, else the byte order mark's, else UTF-8, else Windows-1252 when that reading is plausible.</summary>
internal static class EditionText
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public static string Decode(string fileName, byte[] content, Encoding? encoding = null)
    {
        if (content.Length > MaxBytes)
        {
            throw TooLarge(fileName, content.Length);
        }
        ReadOnlySpan<byte> bytes = content;
        var marked = TextEncodings.FromByteOrderMark(bytes);
        if (marked is { } mark && (encoding is null || encoding.CodePage == mark.Encoding.CodePage))
        {
            bytes = bytes[mark.Skip..];
            encoding = mark.Encoding;
        }
        var text = encoding is null ? Detect(fileName, bytes) : Read(fileName, bytes, encoding);
        CheckControls(fileName, text);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\v', '\n').Replace('\f', '\n');
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new EditionImportException(fileName, 0, "the file is empty");
        }
        return text;
    }

    public static EditionImportException TooLarge(string fileName, long length) =>
        new(fileName, 0, $"the file is too large ({length / 1024.0 / 1024.0:0.0} MB; an edition must be at most 2 MB)");

    private static string Detect(string fileName, ReadOnlySpan<byte> bytes)
    {
        // Binary first: a picture is neither UTF-8 nor Windows-1252, and saying "binary" says why.
        CheckControls(fileName, bytes);
        if (TextEncodings.TryUtf8(bytes, out var badOffset) is { } utf8)
        {
            return utf8;
        }
        return TextEncodings.TryWindows1252(bytes)
            ?? throw new EditionImportException(fileName, 1 + bytes[..badOffset].Count((byte)'\n'),
                "the file is not valid UTF-8 text, nor Windows-1252 (save it as UTF-8, or name its encoding with --encoding)");
    }

    private static string Read(string fileName, ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            // A line number counts newline bytes, which only a one-byte encoding or UTF-8 has.
            var line = encoding is UnicodeEncoding ? 0 : 1 + bytes[..Math.Clamp(ex.Index, 0, bytes.Length)].Count((byte)'\n');
            throw new EditionImportException(fileName, line, $"the file is not valid {encoding.WebName} text");
        }
    }

    private static void CheckControls(string fileName, ReadOnlySpan<byte> bytes)
    {
        var line = 1;
        foreach (var b in bytes)
        {
            if (b == (byte)'\n')
            {
                line++;
            }
            else if (IsControl((char)b))
            {
                throw Binary(fileName, line, b);
            }
        }
    }

    private static void CheckControls(string fileName, string text)
    {
        var line = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
            }
            else if (IsControl(c))
            {
                throw Binary(fileName, line, c);
            }
        }
    }

    private static bool IsControl(char c) => c is '\0' or (< ' ' and not ('\t' or '\r' or '\v' or '\f')) or '\x7F';

    private static EditionImportException Binary(string fileName, int line, int code) =>
        new(fileName, line, $"the file looks binary (control byte 0x{code:X2}), not a text edition");
}
