using SocialReport.Core.Cards;
using SocialReport.Telegram.Protocol;
using Telegram.Bot.Types.ReplyMarkups;

namespace SocialReport.Telegram.Rendering;

/// <summary>Card actions as an inline keyboard: URL buttons to open, callback buttons to run a command.</summary>
internal static class TelegramKeyboard
{
    /// <summary>Telegram refuses bigger keyboards.</summary>
    public const int MaxButtons = 100;

    private static readonly HashSet<string> UrlSchemes = ["http", "https", "tg"];

    public static InlineKeyboardMarkup? Build(IEnumerable<IReadOnlyList<CardAction>> rows, ICallbackStore callbacks)
    {
        var keyboard = new List<List<InlineKeyboardButton>>();
        var count = 0;
        foreach (var row in rows)
        {
            var buttons = row.Select(action => Button(action, callbacks)).OfType<InlineKeyboardButton>()
                .Take(MaxButtons - count).ToList();
            if (buttons.Count == 0)
                continue;
            keyboard.Add(buttons);
            count += buttons.Count;
        }
        return keyboard.Count == 0 ? null : new InlineKeyboardMarkup(keyboard);
    }

    private static InlineKeyboardButton? Button(CardAction action, ICallbackStore callbacks)
    {
        var label = Label(action.Label);
        if (action.Url is { IsAbsoluteUri: true } url && UrlSchemes.Contains(url.Scheme))
            return InlineKeyboardButton.WithUrl(label, url.AbsoluteUri);
        if (!string.IsNullOrEmpty(action.Command))
            return InlineKeyboardButton.WithCallbackData(label, CallbackData.Encode(action.Command, callbacks));
        return null;
    }

    private static string Label(string label)
    {
        var oneLine = string.Join(' ', label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var cut = TextCutter.Cut(oneLine, CardBudgets.ButtonLabel);
        return cut.Length == 0 ? TextCutter.Ellipsis : cut;
    }
}
