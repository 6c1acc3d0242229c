using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SocialReport.Testing.Telegram;

// What the bot says: sendMessage, editMessageText, sendDocument, sendChatAction, answerCallbackQuery,
// with Telegram's checks on text, markup, chat state and flood limits.
public sealed partial class FakeTelegramServer
{
    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;

    private readonly RateLimiter _limiter;
    private readonly List<BotMessage> _sent = [];
    private readonly List<LimitViolation> _violations = [];
    private readonly List<CallbackAnswer> _callbackAnswers = [];
    private readonly HashSet<string> _openCallbackQueries = new(StringComparer.Ordinal);
    private int _fileCount;

    private sealed record ReplyTarget(int MessageId, bool AllowSendingWithoutReply);

    /// <summary>The text of a sendMessage or editMessageText (as sent, and as Telegram reads it), its keyboard and link preview.</summary>
    private sealed record MessageContent(string Raw, string? ParseMode, FormattedText Text, InlineKeyboard.Markup Markup, JsonNode? Preview);

    private MessageContent ContentOf(BotApiRequest request)
    {
        var raw = request.Text("text");
        if (string.IsNullOrEmpty(raw)) throw BotApiException.BadRequest("message text is empty");
        var parseMode = request.Text("parse_mode");
        var text = MessageText(raw, parseMode);
        var markup = InlineKeyboard.Read(request.Json("reply_markup", "can't parse reply keyboard markup JSON object"));
        return new MessageContent(raw, parseMode, text, markup, request.Json("link_preview_options", "can't parse link preview options JSON object"));
    }

    private MethodResult SendMessage(BotApiRequest request)
    {
        var (raw, parseMode, text, markup, preview) = ContentOf(request);
        var reply = ReplyTargetOf(request);
        lock (_gate)
        {
            var chat = ChatFor(request, toSend: true);
            var replyTo = FindReply(chat, reply);
            var paid = request.Flag("allow_paid_broadcast");
            var at = CountAgainstLimits(chat, "sendMessage", paid);
            var message = AddBotMessage(chat, replyTo, text: text, markup: markup);
            Record(message, at, "sendMessage", raw, parseMode, text, preview, paid, request.Flag("disable_notification"));
            return new MethodResult(MessageJson(message));
        }
    }

    private MethodResult EditMessageText(BotApiRequest request)
    {
        if (request.Has("inline_message_id")) throw BotApiException.BadRequest("inline messages are not supported by FakeTelegramServer");
        var messageId = request.Integer("message_id") ?? throw BotApiException.BadRequest("message identifier is not specified");
        var (raw, parseMode, text, markup, preview) = ContentOf(request);
        lock (_gate)
        {
            var chat = ChatFor(request, toSend: true);
            if (messageId is <= 0 or > int.MaxValue || !chat.Messages.TryGetValue((int)messageId, out var message))
                throw BotApiException.BadRequest("message to edit not found");
            if (!message.FromBot) throw BotApiException.BadRequest("message can't be edited");
            if (message.Text is null) throw BotApiException.BadRequest("there is no text in the message to edit");
            if (message.Text.Text == text.Text && message.Text.Entities.SequenceEqual(text.Entities)
                && JsonNode.DeepEquals(message.InlineKeyboard, markup.InlineKeyboard))
                throw BotApiException.BadRequest(
                    "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            var at = _limiter.Limits.CountEdits ? CountAgainstLimits(chat, "editMessageText") : Now;
            message.Text = text;
            message.InlineKeyboard = markup.InlineKeyboard;
            message.Buttons = markup.Rows;
            message.EditDate = at;
            Record(message, at, "editMessageText", raw, parseMode, text, preview);
            return new MethodResult(MessageJson(message));
        }
    }

    private async Task<MethodResult> SendDocumentAsync(BotApiRequest request, CancellationToken cancellationToken)
    {
        var reference = request.Text("document");
        var upload = request.File("document")
                     ?? (reference?.StartsWith("attach://", StringComparison.Ordinal) == true ? request.File(reference[9..]) : null);
        byte[]? content = null;
        if (upload is not null)
        {
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
            if (content.Length == 0) throw BotApiException.BadRequest("file must be non-empty");
        }
        else if (string.IsNullOrWhiteSpace(reference))
        {
            throw BotApiException.BadRequest("there is no document in the request");
        }
        var rawCaption = request.Text("caption") ?? "";
        var parseMode = request.Text("parse_mode");
        var caption = rawCaption.Length == 0 ? new FormattedText("", []) : Format(rawCaption, parseMode).Trimmed();
        if (caption.Text.Length > MaxCaptionLength) throw BotApiException.BadRequest("message caption is too long");
        var markup = InlineKeyboard.Read(request.Json("reply_markup", "can't parse reply keyboard markup JSON object"));
        var reply = ReplyTargetOf(request);
        lock (_gate)
        {
            var file = content is not null
                ? null
                : _filesById.GetValueOrDefault(reference!) ?? throw BotApiException.BadRequest("wrong file identifier/HTTP URL specified");
            var chat = ChatFor(request, toSend: true);
            var replyTo = FindReply(chat, reply);
            var at = CountAgainstLimits(chat, "sendDocument");
            file ??= StoreFile(upload!.FileName, content!);
            var message = AddBotMessage(chat, replyTo, caption: caption, markup: markup, document: file);
            Record(message, at, "sendDocument", rawCaption, parseMode, caption, preview: null);
            return new MethodResult(MessageJson(message));
        }
    }

    private MethodResult SendChatAction(BotApiRequest request)
    {
        string[] actions = ["typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note"];
        if (!actions.Contains(request.Text("action"))) throw BotApiException.BadRequest("wrong parameter action in request");
        lock (_gate) ChatFor(request, toSend: true);
        return new MethodResult(true);
    }

    private MethodResult AnswerCallbackQuery(BotApiRequest request)
    {
        var id = request.Text("callback_query_id") ?? "";
        lock (_gate)
        {
            if (!_openCallbackQueries.Remove(id))
                throw BotApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
            _callbackAnswers.Add(new CallbackAnswer(id, request.Text("text"), request.Flag("show_alert"), request.Text("url"), Now));
        }
        return new MethodResult(true);
    }

    /// <summary>The text as the reader will get it, refused the way Telegram refuses it.</summary>
    private FormattedText MessageText(string raw, string? parseMode)
    {
        var text = Format(raw, parseMode).Trimmed();
        if (text.Text.Length == 0) throw BotApiException.BadRequest("text must be non-empty");
        // Telegram counts code points; counting UTF-16 units as the docs advise is stricter for emoji.
        if (text.Text.Length > MaxTextLength) throw BotApiException.BadRequest("message is too long");
        return text;
    }

    private FormattedText Format(string raw, string? parseMode)
    {
        if (Encoding.UTF8.GetByteCount(raw) > 1 << 15) throw BotApiException.BadRequest("text is too long");
        switch (parseMode?.Trim().ToLowerInvariant())
        {
            case null or "" or "none":
                return new FormattedText(raw, []);
            case "html":
                if (!TelegramHtml.TryParse(raw, Options.StrictEscaping, out var parsed, out var error))
                    throw BotApiException.BadRequest("can't parse entities: " + error);
                return parsed;
            case "markdown" or "markdownv2":
                throw BotApiException.BadRequest($"parse_mode {parseMode} is not implemented by FakeTelegramServer");
            default:
                throw BotApiException.BadRequest("unsupported parse_mode");
        }
    }

    private static ReplyTarget? ReplyTargetOf(BotApiRequest request)
    {
        if (request.Json("reply_parameters", "can't parse reply parameters JSON object") is JsonObject parameters)
        {
            var inner = BotApiRequest.FromJson(parameters);
            var id = inner.Integer("message_id") ?? throw BotApiException.BadRequest("message_id is not specified in reply parameters");
            return new ReplyTarget((int)id, inner.Flag("allow_sending_without_reply"));
        }
        return request.Integer("reply_to_message_id") is { } legacy ? new ReplyTarget((int)legacy, request.Flag("allow_sending_without_reply")) : null;
    }

    private static StoredMessage? FindReply(FakeChat chat, ReplyTarget? target)
    {
        if (target is null) return null;
        if (chat.Messages.TryGetValue(target.MessageId, out var message)) return message;
        return target.AllowSendingWithoutReply ? null : throw BotApiException.BadRequest("message to be replied not found");
    }

    /// <summary>Counts the message against the limits (or refuses it with a 429) and returns the moment it was counted at.</summary>
    private DateTimeOffset CountAgainstLimits(FakeChat chat, string method, bool paid = false)
    {
        var now = Now;
        var broken = _limiter.Check(chat.Id, chat.IsGroupLike, paid, now);
        foreach (var (kind, retryAfter) in broken) _violations.Add(new LimitViolation(kind, chat.Id, method, retryAfter, now));
        if (broken.Count > 0 && _limiter.Limits.Mode == RateLimitMode.Enforce)
            throw BotApiException.TooManyRequests(broken.Max(b => b.RetryAfter));
        _limiter.Count(chat.Id, chat.IsGroupLike, paid, now);
        return now;
    }

    private StoredMessage AddBotMessage(FakeChat chat, StoredMessage? replyTo, FormattedText? text = null, FormattedText? caption = null,
                                InlineKeyboard.Markup? markup = null, StoredFile? document = null)
    {
        var message = new StoredMessage
        {
            Chat = chat,
            MessageId = ++chat.LastMessageId,
            FromBot = true,
            Date = Now,
            Text = text,
            Caption = caption,
            Document = document,
            ReplyTo = replyTo,
            InlineKeyboard = markup?.InlineKeyboard,
            Buttons = markup?.Rows ?? [],
        };
        chat.Messages[message.MessageId] = message;
        return message;
    }

    /// <summary>
    /// Keeps what was sent, at the moment the limits counted it (<paramref name="at"/>): a test that counts the messages
    /// in a second counts what the limits did, not stamps taken later, which a pause of the process can push apart.
    /// </summary>
    private void Record(StoredMessage message, DateTimeOffset at, string method, string raw, string? parseMode, FormattedText text, JsonNode? preview,
        bool paid = false, bool silent = false) =>
        _sent.Add(new BotMessage(message.Chat.Id, message.MessageId, method, raw, parseMode, text.Text, text.Entities, message.Buttons,
            message.InlineKeyboard?.ToJsonString(), preview?.ToJsonString(), message.ReplyTo?.MessageId, message.Document?.FileName, at, silent)
        {
            PaidBroadcast = paid,
        });

    private StoredFile StoreFile(string fileName, byte[] content)
    {
        var number = ++_fileCount;
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var mimeType = extension switch
        {
            ".md" or ".markdown" => "text/markdown",
            ".txt" => "text/plain",
            ".html" or ".htm" => "text/html",
            ".json" => "application/json",
            ".pdf" => "application/pdf",
            _ => "application/octet-stream",
        };
        var serial = number.ToString("D6", CultureInfo.InvariantCulture);
        var file = new StoredFile($"BQACAgIAAxkBAAI{serial}{Guid.NewGuid():N}", $"AgAD{serial}", fileName, mimeType,
            $"documents/file_{number.ToString(CultureInfo.InvariantCulture)}{extension}", content);
        _filesById[file.FileId] = file;
        return file;
    }
}
