using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialReport.Core;
using SocialReport.Core.Cards;
using SocialReport.Core.Delivery;
using SocialReport.Core.Inbox;
using SocialReport.Core.Readers;
using SocialReport.Telegram.Inbound;
using SocialReport.Telegram.Outbound;
using SocialReport.Telegram.Protocol;
using SocialReport.Telegram.Rendering;
using Telegram.Bot;

namespace SocialReport.Telegram;

/// <summary>The Telegram channel's services (<see cref="AddTelegram"/>) and its endpoint (<see cref="MapTelegram"/>).</summary>
public static class Extensions
{
    /// <summary>
    /// The Telegram channel: options (section <c>Telegram</c>, validated at start), its pacing and editors' ids
    /// (<see cref="TelegramChannel"/>), Bot API clients, the preview, the
    /// sender, chat membership, and the receiving side (long polling or webhook). Everything checks
    /// <see cref="TelegramOptions.Enabled"/> when it runs, so configuration added late (tests) is honoured.
    /// </summary>
    public static IHostApplicationBuilder AddTelegram(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddChannel(TelegramChannel.Settings);
        services.AddOptions<TelegramPaidBroadcastOptions>().BindConfiguration(TelegramPaidBroadcastOptions.SectionName)
            .Validate(paid => paid.PaidMessagesPerSecond > 0, "Delivery:Telegram:PaidMessagesPerSecond must be positive.").ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<DeliveryOptions>, TelegramPaidBroadcast>();

        // Telegram.Bot puts the token in every request URL: HttpClient's own request logging must stay off.
        services.AddHttpClient(TelegramClients.RepliesClient, http => http.Timeout = TelegramClients.HttpTimeout).RemoveAllLoggers()
            .AddTypedClient<ITelegramBotClient>((http, sp) => TelegramClients.Create(sp.GetRequiredService<IOptions<TelegramOptions>>().Value, http, null));
        services.AddHttpClient(TelegramClients.BroadcastClient, http => http.Timeout = TelegramClients.HttpTimeout).RemoveAllLoggers()
            .AddHttpMessageHandler(sp => new PacedAnswerHandler(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TelegramClients>();

        services.TryAddSingleton<ICallbackStore>(_ => new MemoryCallbackStore());
        // The store's inbox when the host has one (AddLiteDbStorage first); else updates survive no restart.
        services.TryAddSingleton<IUpdateInbox, MemoryUpdateInbox>();
        services.AddSingleton<TelegramCardRenderer>();
        services.AddSingleton<IEditionPreview, TelegramEditionPreview>();
        services.AddSingleton<TelegramEditionSender>();
        services.AddSingleton<IEditionSender>(sp => sp.GetRequiredService<TelegramEditionSender>());
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<TelegramChatMembership>();
        services.AddSingleton<IChatMembership>(sp => sp.GetRequiredService<TelegramChatMembership>());

        services.AddSingleton<TelegramReplySender>();
        services.AddSingleton<SocialReport.Core.Commands.IChatNotifier, TelegramChatNotifier>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<ITelegramUpdateHandler>(sp => sp.GetRequiredService<TelegramUpdateHandler>());
        services.AddSingleton<TelegramUpdateQueue>();
        services.AddSingleton<BotCommandMenu>();
        services.AddHostedService<TelegramUpdateWorker>();
        services.AddHostedService<TelegramBotService>();
        return builder;
    }

    /// <summary>Telegram's webhook requests at once: its default <c>max_connections</c>, which the host does not change.</summary>
    private const int WebhookConnections = 40;

    /// <summary>
    /// Threads Telegram's inbound work may hold at once, waiting on the store or the search index: every webhook
    /// request (each waits for its update's inbox commit) in webhook mode, and every chat handled at once; none when
    /// no bot is configured. Polling holds no request open, so its floor does not count the webhook's connections.
    /// </summary>
    public static int InboundThreads(this IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (!options.Enabled) return 0;
        return (options.Mode == TelegramMode.Webhook ? WebhookConnections : 0) + options.MaxConcurrentChats;
    }

    /// <summary>In webhook mode, <c>POST</c> on the path of <c>Telegram:WebhookUrl</c>; nothing otherwise.</summary>
    public static IEndpointRouteBuilder MapTelegram(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (options.Enabled && options.Mode == TelegramMode.Webhook)
            endpoints.MapPost(options.WebhookPath, TelegramWebhook.ReceiveAsync).ExcludeFromDescription();
        return endpoints;
    }
}
