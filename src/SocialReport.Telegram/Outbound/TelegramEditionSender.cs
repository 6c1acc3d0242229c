using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialReport.Core.Cards;
using SocialReport.Core.Delivery;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;
using SocialReport.Telegram.Protocol;
using SocialReport.Telegram.Rendering;
using Telegram.Bot;

namespace SocialReport.Telegram.Outbound;

/// <summary>
/// Broadcast delivery to one Telegram chat, on a client that never waits out a 429 itself: the broadcaster paces and retries.
/// <see cref="DeliveryMode.Edition"/> sends the cover (the pager); <see cref="DeliveryMode.Cards"/> the cover and one message per story.
/// With <c>Delivery:Telegram:PaidBroadcast</c> each message asks for a paid broadcast, which the paced rate counts on.
/// </summary>
internal sealed class TelegramEditionSender(
    TelegramClients clients,
    TelegramCardRenderer renderer,
    IOptions<TelegramOptions> options,
    IOptions<TelegramPaidBroadcastOptions> paid,
    TimeProvider time,
    ILogger<TelegramEditionSender> logger,
    Following? following = null) : IEditionSender
{
    /// <summary>Once part of an edition is in the chat, the rest is retried here rather than resent from the start by the broadcaster.</summary>
    private const int AttemptsAfterFirstMessage = 3;
    private static readonly TimeSpan LongestWaitAfterFirstMessage = TimeSpan.FromSeconds(30);

    private readonly EditionRenderings<IReadOnlyList<TelegramMessage>> _renderings = new();

    public string Channel => TelegramChats.Channel;

    /// <summary>Off without a bot token: broadcasts then leave Telegram's subscribers out instead of failing them.</summary>
    public bool IsEnabled => options.Value.Enabled;

    public async Task<SendOutcome> SendAsync(Chat chat, Edition edition, DeliveryMode mode, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return new SendOutcome.Transient("the Telegram adapter is off (no Telegram:BotToken)");
        if (!TelegramChats.TryParseId(chat.Key, out var chatId)) return new SendOutcome.Gone($"'{chat.Key.Id}' is not a Telegram chat id");

        var cut = following?.Cut(chat, edition) ?? EditionCut.Whole(edition);
        var messages = _renderings.GetOrRender(cut, chat.Language, mode, () => Render(cut, chat.Language, mode));

        var bot = clients.ForBroadcasts();
        string? firstId = null;
        var ids = new List<string>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var sent = await TelegramReplySender.SendAsync(bot, chatId, messages[i], paid.Value.PaidBroadcast, chat.Silent, cancellationToken);
                    firstId ??= sent.Id.ToString(CultureInfo.InvariantCulture);
                    ids.Add(sent.Id.ToString(CultureInfo.InvariantCulture));
                    break;
                }
                catch (Exception e) when (TelegramErrors.ToOutcome(e) is { } outcome)
                {
                    var what = $"edition {edition.Id} message {i + 1}/{messages.Count}";
                    if (outcome is SendOutcome.Rejected rejected)
                    {
                        RenderErrors.Record(logger, chatId, what, rejected.Reason);
                        if (firstId is null) return outcome;
                        break;
                    }
                    if (firstId is null || outcome is SendOutcome.Blocked or SendOutcome.Gone or SendOutcome.Moved) return outcome;
                    var wait = outcome is SendOutcome.RetryAfter retry ? retry.Delay : TimeSpan.FromSeconds(attempt);
                    if (attempt >= AttemptsAfterFirstMessage || wait > LongestWaitAfterFirstMessage)
                    {
                        logger.TelegramEditionPartlySent(chatId, what, outcome);
                        return new SendOutcome.Sent(firstId) { MessageIds = ids };
                    }
                    await Task.Delay(wait, time, cancellationToken);
                }
            }
        }
        return new SendOutcome.Sent(firstId!) { MessageIds = ids };
    }

    /// <summary>Telegram lets a bot delete its messages for 48 hours: older ones are not even tried.</summary>
    public TimeSpan? DeleteWindow => TimeSpan.FromHours(48);

    public async Task<DeleteOutcome> DeleteAsync(Chat chat, string messageId, CancellationToken cancellationToken)
    {
        if (!TelegramChats.TryParseId(chat.Key, out var chatId) || !int.TryParse(messageId, CultureInfo.InvariantCulture, out var id))
            return new DeleteOutcome.Refused(RecallState.NotFound, $"'{chat.Key.Id}' / '{messageId}' is no Telegram message");
        try
        {
            await clients.ForBroadcasts().DeleteMessage(chatId, id, cancellationToken).ConfigureAwait(false);
            return new DeleteOutcome.Deleted();
        }
        catch (Exception e) when (TelegramErrors.ToDeleteOutcome(e) is { } outcome)
        {
            return outcome;
        }
    }

    private IReadOnlyList<TelegramMessage> Render(EditionCut cut, string language, DeliveryMode mode)
    {
        var cards = new List<Card> { CardFactory.Broadcast(cut, language) };
        if (mode == DeliveryMode.Cards)
            cards.AddRange(CardFactory.BroadcastStories(cut, language));
        return [.. cards.SelectMany(renderer.Render)];
    }
}
