using System.Text;

namespace SocialReport.Telegram.Protocol;

/// <summary>
/// A button's command as Telegram callback_data (1 to 64 bytes of UTF-8): the command itself when it fits,
/// else "~" and a token from an <see cref="ICallbackStore"/>.
/// </summary>
internal static class CallbackData
{
    public const int MaxBytes = 64;
    private const char TokenMark = '~';
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string command, ICallbackStore store)
    {
        if (command.StartsWith('/') && Utf8Length(command) <= MaxBytes)
            return command;
        return TokenMark + store.Save(command);
    }

    /// <summary>The command a button carried, or null when its token is unknown (evicted, or from before a restart).</summary>
    public static string? Decode(string data, ICallbackStore store) =>
        data.StartsWith(TokenMark) ? store.Load(data[1..])
        : data.StartsWith('/') ? data
        : null;

    private static int Utf8Length(string text)
    {
        try
        {
            return StrictUtf8.GetByteCount(text);
        }
        catch (EncoderFallbackException)
        {
            return int.MaxValue;
        }
    }
}
