using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SocialReport.Testing.Telegram;

// Chats, users, members, commands and files: getMe, getChat, getChatMember, getChatAdministrators,
// setMyCommands/getMyCommands/deleteMyCommands, getFile and the file download.
public sealed partial class FakeTelegramServer
{
    private readonly Dictionary<long, FakeChat> _chats = [];
    private readonly Dictionary<long, FakeUser> _users = [];
    private readonly HashSet<long> _deactivated = [];
    private readonly Dictionary<string, StoredFile> _filesById = new(StringComparer.Ordinal);
    private readonly Dictionary<(CommandScope Scope, string Language), IReadOnlyList<RegisteredCommand>> _commands = [];

    private FakeUser UserById(long id)
    {
        if (!_users.TryGetValue(id, out var user)) _users[id] = user = new FakeUser(id, $"User{Invariant(id)}");
        return user;
    }

    /// <summary>The chat a chat_id names (a number or @username), or null; no checks.</summary>
    private FakeChat? FindChat(string? reference)
    {
        reference = reference?.Trim();
        if (string.IsNullOrEmpty(reference)) return null;
        if (reference.StartsWith('@'))
            return _chats.Values.FirstOrDefault(c => string.Equals(c.Username, reference[1..], StringComparison.OrdinalIgnoreCase));
        return long.TryParse(reference, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? _chats.GetValueOrDefault(id) : null;
    }

    /// <summary>The chat of a call, with Telegram's answers for chats that are gone, moved or closed to the bot.</summary>
    private FakeChat ChatFor(BotApiRequest request, bool toSend)
    {
        var reference = request.Text("chat_id");
        if (string.IsNullOrWhiteSpace(reference)) throw BotApiException.BadRequest("chat_id is empty");
        var chat = FindChat(reference);
        if (chat is null || chat.Deleted) throw BotApiException.ChatNotFound();
        if (chat.MigratedTo is { } supergroup) throw BotApiException.Migrated(supergroup);
        if (chat.IsPrivate)
        {
            if (toSend && _deactivated.Contains(chat.Id)) throw BotApiException.Forbidden("user is deactivated");
            if (toSend && chat.BotStatus == "kicked") throw BotApiException.Forbidden("bot was blocked by the user");
            return chat;
        }
        if (chat.Type == "channel" && chat.BotStatus is "kicked" or "left") throw BotApiException.Forbidden("bot is not a member of the channel chat");
        if (chat.BotStatus == "kicked") throw BotApiException.Forbidden($"bot was kicked from the {chat.Type} chat");
        if (chat.BotStatus == "left") throw BotApiException.Forbidden($"bot is not a member of the {chat.Type} chat");
        if (toSend && chat.Type == "channel" && chat.BotStatus != "administrator")
            throw BotApiException.BadRequest("need administrator rights in the channel chat");
        return chat;
    }

    private MethodResult GetMe(BotApiRequest request)
    {
        var json = UserJson(Bot);
        json["can_join_groups"] = true;
        json["can_read_all_group_messages"] = false;
        json["supports_inline_queries"] = false;
        json["can_connect_to_business"] = false;
        json["has_main_web_app"] = false;
        return new MethodResult(json);
    }

    private MethodResult GetChat(BotApiRequest request)
    {
        lock (_gate) return new MethodResult(ChatFullInfoJson(ChatFor(request, toSend: false)));
    }

    private MethodResult GetChatMember(BotApiRequest request)
    {
        lock (_gate)
        {
            var chat = ChatFor(request, toSend: false);
            var userId = request.Integer("user_id") ?? throw BotApiException.BadRequest("user_id is empty");
            return new MethodResult(MemberJson(chat, _users.GetValueOrDefault(userId) ?? throw BotApiException.BadRequest("user not found"), MemberStatus(chat, userId)));
        }
    }

    private string MemberStatus(FakeChat chat, long userId)
    {
        if (userId == Bot.Id) return chat.BotStatus == "kicked" && chat.IsPrivate ? "member" : chat.BotStatus;
        if (chat.Administrators.Contains(userId)) return "administrator";
        if (chat.IsPrivate) return chat.Id == userId ? "member" : "left";
        return chat.Members.Contains(userId) ? "member" : "left";
    }

    private MethodResult GetChatAdministrators(BotApiRequest request)
    {
        lock (_gate)
        {
            var chat = ChatFor(request, toSend: false);
            if (chat.IsPrivate) throw BotApiException.BadRequest("there are no administrators in the private chat");
            var admins = new JsonArray();
            foreach (var id in chat.Administrators) admins.Add(MemberJson(chat, UserById(id), "administrator"));
            if (chat.BotStatus == "administrator") admins.Add(MemberJson(chat, Bot, "administrator"));
            return new MethodResult(admins);
        }
    }

    private MethodResult SetMyCommands(BotApiRequest request)
    {
        var node = request.Json("commands", "can't parse commands JSON object");
        if (node is not JsonArray array) throw BotApiException.BadRequest("Field \"commands\" must be an Array");
        var commands = new List<RegisteredCommand>();
        foreach (var item in array)
        {
            if (item is not JsonObject command) throw BotApiException.BadRequest("can't parse BotCommand: BotCommand must be an Object");
            var name = (StringOf(command["command"]) ?? "").Trim();
            if (name.StartsWith('/')) name = name[1..];
            var description = (StringOf(command["description"]) ?? "").Trim();
            if (name.Length == 0) throw BotApiException.BadRequest("command must be non-empty");
            if (name.Length > 32) throw BotApiException.BadRequest("command length must not exceed 32");
            if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')) throw BotApiException.BadRequest("BOT_COMMAND_INVALID");
            if (description.Length == 0) throw BotApiException.BadRequest("command description must be non-empty");
            if (description.Length > 256) throw BotApiException.BadRequest("command description length must not exceed 256");
            commands.Add(new RegisteredCommand(name, description));
        }
        if (commands.Count > 100) throw BotApiException.BadRequest("BOT_COMMANDS_TOO_MUCH");
        lock (_gate)
        {
            var key = (ScopeOf(request), LanguageOf(request));
            if (commands.Count == 0) _commands.Remove(key);
            else _commands[key] = commands;
        }
        return new MethodResult(true);
    }

    private MethodResult GetMyCommands(BotApiRequest request)
    {
        lock (_gate)
        {
            var commands = _commands.GetValueOrDefault((ScopeOf(request), LanguageOf(request))) ?? [];
            return new MethodResult(new JsonArray([.. commands.Select(c => new JsonObject { ["command"] = c.Command, ["description"] = c.Description })]));
        }
    }

    private MethodResult DeleteMyCommands(BotApiRequest request)
    {
        lock (_gate) _commands.Remove((ScopeOf(request), LanguageOf(request)));
        return new MethodResult(true);
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string LanguageOf(BotApiRequest request)
    {
        var language = request.Text("language_code") ?? "";
        if (language.Length == 0 || (language.Length == 2 && language.All(char.IsAsciiLetterLower))) return language;
        throw BotApiException.BadRequest("invalid language code specified");
    }

    private CommandScope ScopeOf(BotApiRequest request)
    {
        var node = request.Json("scope", "can't parse BotCommandScope JSON object");
        if (node is null) return CommandScope.Default;
        if (node is not JsonObject scope) throw BotApiException.BadRequest("BotCommandScope must be an Object");
        var type = StringOf(scope["type"]);
        switch (type)
        {
            case "default" or "all_private_chats" or "all_group_chats" or "all_chat_administrators":
                return new CommandScope(type);
            case "chat" or "chat_administrators" or "chat_member":
                var inner = BotApiRequest.FromJson(scope);
                var chat = ChatFor(inner, toSend: false);
                if (type != "chat_member") return new CommandScope(type, chat.Id);
                var userId = inner.Integer("user_id") ?? throw BotApiException.BadRequest("user_id is empty");
                return new CommandScope(type, chat.Id, userId);
            default:
                throw BotApiException.BadRequest("unsupported scope type specified");
        }
    }

    private MethodResult GetFile(BotApiRequest request)
    {
        var fileId = request.Text("file_id");
        if (string.IsNullOrWhiteSpace(fileId)) throw BotApiException.BadRequest("file_id not specified");
        StoredFile? file;
        lock (_gate) file = _filesById.GetValueOrDefault(fileId);
        if (file is null) throw BotApiException.BadRequest("invalid file_id");
        if (file.Content.Length > 20 * 1024 * 1024) throw BotApiException.BadRequest("file is too big");
        return new MethodResult(new JsonObject
        {
            ["file_id"] = file.FileId,
            ["file_unique_id"] = file.FileUniqueId,
            ["file_size"] = file.Content.Length,
            ["file_path"] = file.FilePath,
        });
    }

    private async Task ServeFileAsync(HttpContext context, string tokenAndPath)
    {
        var slash = tokenAndPath.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IsWellFormedToken(tokenAndPath[..slash]))
        {
            await WriteAsync(context, new BotApiException(404, "Not Found"));
            return;
        }
        if (tokenAndPath[..slash] != Options.Token)
        {
            await WriteAsync(context, new BotApiException(401, "Unauthorized"));
            return;
        }
        var path = tokenAndPath[(slash + 1)..];
        StoredFile? file;
        lock (_gate) file = _filesById.Values.FirstOrDefault(f => f.FilePath == path);
        if (file is null)
        {
            await WriteAsync(context, new BotApiException(404, "Not Found"));
            return;
        }
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = file.Content.Length;
        await context.Response.Body.WriteAsync(file.Content, context.RequestAborted);
    }
}
