using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialReport.Core.Commands;
using SocialReport.Telegram.Outbound;
using SocialReport.Telegram.Protocol;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SocialReport.Telegram.Inbound;

/// <summary>
/// The command menu (setMyCommands) from <c>bot-manifests/telegram/commands.{lang}.json</c>: readers' commands for
/// everyone, per language (French also without a language); editors' commands only in each editor's private chat.
/// </summary>
internal sealed class BotCommandMenu(TelegramClients clients, IOptionsMonitor<EditorsOptions> editors, ILogger<BotCommandMenu> logger)
{
    public const string DefaultLanguage = Languages.French;

    public static string ManifestDirectory => Path.Combine(AppContext.BaseDirectory, "bot-manifests", "telegram");

    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<CommandManifest> manifests;
        try
        {
            manifests = Load(ManifestDirectory);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException)
        {
            logger.TelegramCommandListsUnreadable(ManifestDirectory, e.Message);
            return;
        }
        if (manifests.Count == 0)
        {
            logger.TelegramCommandListsMissing(ManifestDirectory);
            return;
        }
        var bot = clients.ForReplies();
        var editorChats = editors.CurrentValue.Of(TelegramChats.Channel)
            .Select(id => long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId) ? chatId : (long?)null)
            .OfType<long>().Distinct().ToList();
        foreach (var manifest in manifests)
        {
            string?[] languages = manifest.LanguageCode == DefaultLanguage ? [manifest.LanguageCode, null] : [manifest.LanguageCode];
            foreach (var language in languages)
            {
                await SetAsync(bot, manifest.Reader, BotCommandScope.Default(), language, cancellationToken);
                foreach (var chatId in editorChats)
                    await SetAsync(bot, [.. manifest.Reader, .. manifest.Editor], BotCommandScope.Chat(chatId), language, cancellationToken);
            }
        }
    }

    private async Task SetAsync(ITelegramBotClient bot, IReadOnlyList<BotCommand> commands, BotCommandScope scope, string? language, CancellationToken cancellationToken)
    {
        try
        {
            await bot.SetMyCommands(commands, scope, language, cancellationToken);
        }
        catch (Exception e) when (TelegramErrors.ToOutcome(e) is not null)
        {
            // An editor who never opened a chat with the bot: "chat not found" until they do.
            logger.TelegramSetMyCommandsFailed(scope.Type, language ?? "any", TelegramErrors.Describe(e));
        }
    }

    public static IReadOnlyList<CommandManifest> Load(string directory)
    {
        if (!Directory.Exists(directory)) return [];
        return [.. Directory.EnumerateFiles(directory, "commands.*.json")
            .Order(StringComparer.Ordinal)
            .Select(file => JsonSerializer.Deserialize<CommandManifest>(File.ReadAllText(file), JsonBotAPI.Options)
                            ?? throw new InvalidDataException($"{file}: empty command list"))];
    }
}

/// <summary>One language's command list, as in <c>bot-manifests/telegram/commands.fr.json</c>.</summary>
internal sealed record CommandManifest(
    [property: JsonPropertyName("language_code")] string LanguageCode,
    [property: JsonPropertyName("reader")] IReadOnlyList<BotCommand> Reader,
    [property: JsonPropertyName("editor")] IReadOnlyList<BotCommand> Editor);
