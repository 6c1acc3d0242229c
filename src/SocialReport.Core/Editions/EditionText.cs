using System.Text;

namespace SocialReport.Core.Editions;

/// <summary>Turns a file's bytes into text, or says in one line why they are not an edition.</summary>
internal static class EditionText
{
    public const int MaxBytes = 2 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(string fileName, byte[] content, Encoding? encoding = null)
    {
        if (content.Length > MaxBytes)
        {
            throw TooLarge(fileName, content.Length);
        }
        ReadOnlySpan<byte> bytes = content;
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        if (bytes.StartsWith((byte[])[0xFF, 0xFE]) || bytes.StartsWith((byte[])[0xFE, 0xFF]))
        {
            throw new EditionImportException(fileName, 0, "the file is UTF-16 text; save it as UTF-8");
        }
        var line = 1;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == (byte)'\n')
            {
                line++;
            }
            else if (b == 0 || (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or 0x0B or 0x0C)) || b == 0x7F)
            {
                throw new EditionImportException(fileName, line, $"the file looks binary (control byte 0x{b:X2}), not a text edition");
            }
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = Math.Clamp(ex.Index, 0, bytes.Length);
            var badLine = 1 + bytes[..offset].Count((byte)'\n');
            throw new EditionImportException(fileName, badLine, "the file is not valid UTF-8 text (save it as UTF-8)");
        }
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\v', '\n').Replace('\f', '\n');
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new EditionImportException(fileName, 0, "the file is empty");
        }
        return text;
    }

    public static EditionImportException TooLarge(string fileName, long length) =>
        new(fileName, 0, $"the file is too large ({length / 1024.0 / 1024.0:0.0} MB; an edition must be at most 2 MB)");
}
