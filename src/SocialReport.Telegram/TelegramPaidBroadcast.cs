using Microsoft.Extensions.Options;
using SocialReport.Core.Delivery;

namespace SocialReport.Telegram;

/// <summary>
/// Telegram paid broadcasts (<c>allow_paid_broadcast</c>), beside the pacing in <c>Delivery:Telegram</c>: when on, the
/// bot-wide pace becomes <see cref="PaidMessagesPerSecond"/>.
/// </summary>
public sealed class TelegramPaidBroadcastOptions
{
    public const string SectionName = "Delivery:Telegram";

    public bool PaidBroadcast { get; init; }

    public double PaidMessagesPerSecond { get; init; } = 1000;
}

/// <summary>Puts the paid pace in the Telegram pacing, before the <c>Delivery</c> section is validated.</summary>
internal sealed class TelegramPaidBroadcast(IOptions<TelegramPaidBroadcastOptions> paid) : IPostConfigureOptions<DeliveryOptions>
{
    public void PostConfigure(string? name, DeliveryOptions options)
    {
        if (paid.Value.PaidBroadcast && options.Channels.TryGetValue(TelegramChannel.Settings.Section, out var pacing))
            pacing.MessagesPerSecond = paid.Value.PaidMessagesPerSecond;
    }
}
