using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SocialReport.Core.Delivery;

namespace SocialReport.Telegram;

/// <summary>
/// Telegram paid broadcasts (<c>allow_paid_broadcast</c>), beside the pacing in <c>Delivery:Telegram</c>: when on, the
/// bot-wide pace becomes <see cref="PaidMessagesPerSecond"/>.
/// </summary>
internal sealed class TelegramPaidBroadcastOptions
{
    public const string SectionName = "Delivery:Telegram";

    public bool PaidBroadcast { get; init; }

    public double PaidMessagesPerSecond { get; init; } = 1000;
}

/// <summary>
/// Puts the paid pace in the Telegram pacing, before the <c>Delivery</c> section is validated. Read from the configuration
/// rather than the validated options, so that a bad paid pace is reported once, by those options.
/// </summary>
internal sealed class TelegramPaidBroadcast(IConfiguration configuration) : IPostConfigureOptions<DeliveryOptions>
{
    public void PostConfigure(string? name, DeliveryOptions options)
    {
        var paid = configuration.GetSection(TelegramPaidBroadcastOptions.SectionName).Get<TelegramPaidBroadcastOptions>() ?? new();
        if (paid is { PaidBroadcast: true, PaidMessagesPerSecond: > 0 } && options.Channels.TryGetValue(TelegramChannel.Settings.Section, out var pacing))
            pacing.MessagesPerSecond = paid.PaidMessagesPerSecond;
    }
}
