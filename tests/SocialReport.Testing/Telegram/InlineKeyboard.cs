using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialReport.Testing.Telegram;

/// <summary>One button of an inline keyboard as the bot sent it.</summary>
public sealed record FakeButton(string Text, string? CallbackData, string? Url);

/// <summary>Reads and checks a reply_markup the way Telegram does; only inline keyboards are kept on the message.</summary>
internal static class InlineKeyboard
{
    private const int MaxButtons = 100;
    private const int MaxCallbackDataBytes = 64;

    private static readonly string[] OtherButtonTypes =
        ["callback_game", "pay", "login_url", "switch_inline_query", "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "web_app", "copy_text"];

    public sealed record Markup(JsonObject? InlineKeyboard, IReadOnlyList<IReadOnlyList<FakeButton>> Rows)
    {
        public static Markup None { get; } = new(null, []);
    }

    public static Markup Read(JsonNode? node)
    {
        if (node is null) return Markup.None;
        if (node is not JsonObject markup) throw BotApiException.BadRequest("Object expected as reply markup");
        if (markup["inline_keyboard"] is not { } keyboard) return Markup.None;
        if (keyboard is not JsonArray rows || rows.Any(row => row is not JsonArray))
            throw BotApiException.BadRequest("Field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");

        var result = new List<IReadOnlyList<FakeButton>>();
        foreach (var row in rows.Cast<JsonArray>())
            result.Add([.. row.Select(ReadButton)]);
        if (result.Sum(row => row.Count) > MaxButtons) throw BotApiException.BadRequest("reply markup is too long");
        return result.All(row => row.Count == 0)
            ? Markup.None
            : new Markup(new JsonObject { ["inline_keyboard"] = keyboard.DeepClone() }, result);
    }

    private static FakeButton ReadButton(JsonNode? node)
    {
        if (node is not JsonObject button) throw Unparsable("InlineKeyboardButton must be an Object");
        var text = StringField(button, "text") ?? throw Unparsable("Field \"text\" must be of type String");
        var url = StringField(button, "url");
        if (!string.IsNullOrEmpty(url))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "tg"))
                throw BotApiException.BadRequest("BUTTON_URL_INVALID");
            return new FakeButton(text, null, url);
        }
        var data = StringField(button, "callback_data");
        if (!string.IsNullOrEmpty(data))
        {
            if (Encoding.UTF8.GetByteCount(data) > MaxCallbackDataBytes) throw BotApiException.BadRequest("BUTTON_DATA_INVALID");
            return new FakeButton(text, data, null);
        }
        if (OtherButtonTypes.Any(button.ContainsKey)) return new FakeButton(text, null, null);
        throw Unparsable("Text buttons are unallowed in the inline keyboard");
    }

    private static string? StringField(JsonObject button, string name) => button[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw Unparsable($"Field \"{name}\" must be of type String"),
    };

    private static BotApiException Unparsable(string why) => BotApiException.BadRequest("can't parse inline keyboard button: " + why);
}
