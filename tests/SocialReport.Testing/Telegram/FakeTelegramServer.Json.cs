using System.Text.Json.Nodes;

namespace SocialReport.Testing.Telegram;

// The Bot API objects, written field by field from the Bot API documentation (snake_case, unix dates),
// not through Telegram.Bot's serializer: the client has to read what Telegram really sends.
public sealed partial class FakeTelegramServer
{
    private static JsonObject UserJson(FakeUser user)
    {
        var json = new JsonObject { ["id"] = user.Id, ["is_bot"] = user.IsBot, ["first_name"] = user.FirstName };
        if (user.Username is not null) json["username"] = user.Username;
        if (user.LanguageCode is not null) json["language_code"] = user.LanguageCode;
        return json;
    }

    private JsonObject ChatJson(FakeChat chat)
    {
        var json = new JsonObject { ["id"] = chat.Id };
        if (chat.IsPrivate)
        {
            var user = UserById(chat.Id);
            json["first_name"] = user.FirstName;
            if (user.Username is not null) json["username"] = user.Username;
        }
        else
        {
            json["title"] = chat.Title ?? $"Chat {Invariant(chat.Id)}";
            if (chat.Username is not null) json["username"] = chat.Username;
        }
        json["type"] = chat.Type;
        return json;
    }

    private JsonObject ChatFullInfoJson(FakeChat chat)
    {
        var json = ChatJson(chat);
        json["accent_color_id"] = 0;
        json["max_reaction_count"] = 11;
        json["accepted_gift_types"] = new JsonObject
        {
            ["unlimited_gifts"] = false, ["limited_gifts"] = false, ["unique_gifts"] = false, ["premium_subscription"] = false,
        };
        return json;
    }

    private JsonObject MessageJson(StoredMessage message, bool withReply = true)
    {
        var json = new JsonObject { ["message_id"] = message.MessageId };
        if (message.Chat.Type == "channel") json["sender_chat"] = ChatJson(message.Chat);
        else json["from"] = UserJson(message.FromBot ? Bot : message.From!);
        json["chat"] = ChatJson(message.Chat);
        json["date"] = message.Date.ToUnixTimeSeconds();
        if (message.EditDate is { } edited) json["edit_date"] = edited.ToUnixTimeSeconds();
        if (withReply && message.ReplyTo is { } reply) json["reply_to_message"] = MessageJson(reply, withReply: false);
        if (message.Text is { } text)
        {
            json["text"] = text.Text;
            if (text.Entities.Count > 0) json["entities"] = EntitiesJson(text);
        }
        if (message.Document is { } file) json["document"] = DocumentJson(file);
        if (message.Caption is { Text.Length: > 0 } caption)
        {
            json["caption"] = caption.Text;
            if (caption.Entities.Count > 0) json["caption_entities"] = EntitiesJson(caption);
        }
        if (message.InlineKeyboard is { } keyboard) json["reply_markup"] = keyboard.DeepClone();
        return json;
    }

    private static JsonArray EntitiesJson(FormattedText text) => [.. text.Entities.Select(EntityJson)];

    private static JsonObject EntityJson(TextEntity entity)
    {
        var json = new JsonObject { ["offset"] = entity.Offset, ["length"] = entity.Length, ["type"] = entity.Type };
        if (entity.Url is not null) json["url"] = entity.Url;
        if (entity.Language is not null) json["language"] = entity.Language;
        if (entity.CustomEmojiId is not null) json["custom_emoji_id"] = entity.CustomEmojiId;
        return json;
    }

    private static JsonObject DocumentJson(StoredFile file) => new()
    {
        ["file_name"] = file.FileName,
        ["mime_type"] = file.MimeType,
        ["file_id"] = file.FileId,
        ["file_unique_id"] = file.FileUniqueId,
        ["file_size"] = file.Content.Length,
    };

    private static JsonObject MemberJson(FakeChat chat, FakeUser user, string status)
    {
        var json = new JsonObject { ["user"] = UserJson(user), ["status"] = status };
        switch (status)
        {
            case "creator":
                json["is_anonymous"] = false;
                break;
            case "administrator":
                json["can_be_edited"] = false;
                json["is_anonymous"] = false;
                json["can_manage_chat"] = true;
                json["can_delete_messages"] = true;
                json["can_manage_video_chats"] = true;
                json["can_restrict_members"] = true;
                json["can_promote_members"] = false;
                json["can_change_info"] = true;
                json["can_invite_users"] = true;
                json["can_post_stories"] = false;
                json["can_edit_stories"] = false;
                json["can_delete_stories"] = false;
                if (chat.Type == "channel")
                {
                    json["can_post_messages"] = true;
                    json["can_edit_messages"] = true;
                }
                break;
            case "kicked":
                json["until_date"] = 0;
                break;
        }
        return json;
    }
}
