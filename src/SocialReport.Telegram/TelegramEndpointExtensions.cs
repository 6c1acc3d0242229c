using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialReport.Telegram;
using SocialReport.Telegram.Inbound;

// In the routing namespace, as ASP.NET Core's own Map* methods are: the host needs no extra using.
namespace Microsoft.AspNetCore.Builder;

public static class TelegramEndpointExtensions
{
    /// <summary>In webhook mode, <c>POST</c> on the path of <c>Telegram:WebhookUrl</c>; nothing otherwise.</summary>
    public static IEndpointRouteBuilder MapTelegram(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (options.Enabled && options.Mode == TelegramMode.Webhook)
            endpoints.MapPost(options.WebhookPath, TelegramWebhook.ReceiveAsync).ExcludeFromDescription();
        return endpoints;
    }
}
