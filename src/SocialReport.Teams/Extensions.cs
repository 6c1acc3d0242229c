using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SocialReport.Core;
using SocialReport.Teams.Auth;
using SocialReport.Teams.Inbound;
using SocialReport.Teams.Outbound;
using SocialReport.Teams.Rendering;

namespace SocialReport.Teams;

/// <summary>The Teams channel's services (<see cref="AddTeams"/>) and its endpoint (<see cref="MapTeams"/>).</summary>
public static class Extensions
{
    /// <summary>The named HttpClient that fetches OpenID metadata and signing keys.</summary>
    internal const string MetadataHttpClient = "Teams.Metadata";

    /// <summary>
    /// Registers the Teams adapter's services: options (section <c>Teams</c>, validated at start-up), its pacing and editors'
    /// ids (<see cref="TeamsChannel"/>), the inbound
    /// token validator, the connector client (a typed HttpClient with MSAL tokens), the card renderer, the activity
    /// handler, the edition sender and preview, the status-message notifier. The endpoint is mapped by <see cref="MapTeams"/>.
    /// </summary>
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddChannel(TeamsChannel.Settings);

        // Long-lived clients held by singletons: connections are recycled so that DNS changes are seen.
        services.AddHttpClient(MetadataHttpClient)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) });
        services.AddHttpClient(ConnectorTokenProvider.HttpClientName)
            .AddHttpMessageHandler(sp => new LoopbackHttpHandler(LoopbackAuthority(sp.GetRequiredService<IOptions<TeamsOptions>>().Value)));

        services.AddSingleton(sp => new ServiceUrlAllowList(sp.GetRequiredService<IOptions<TeamsOptions>>().Value.ServiceHosts));
        services.AddSingleton(sp => new BotFrameworkTokenValidator(
            sp.GetRequiredService<IOptions<TeamsOptions>>(),
            sp.GetRequiredService<ServiceUrlAllowList>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(MetadataHttpClient),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BotFrameworkTokenValidator>>()));
        services.AddSingleton<ConnectorTokenProvider>();
        // Held by singletons (the activity handler, the edition sender): one handler for good, its connections recycled.
        // No redirects: the connector never sends any, and the allow-list is checked on the URL the client calls.
        services.AddHttpClient<ConnectorClient>(http => http.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15), AllowAutoRedirect = false })
            .AddHttpMessageHandler(sp => new PacedAnswerHandler(sp.GetRequiredService<TimeProvider>()))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<TeamsCardRenderer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatMembership, TeamsChatMembership>());
        services.AddSingleton<TeamsActivityHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEditionSender, TeamsEditionSender>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEditionPreview, TeamsEditionPreview>());
        // Inert while the adapter is off (checked when it runs, as configuration can come late): no Teams chat talks then.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatNotifier, TeamsChatNotifier>());
        services.AddHostedService<TeamsStartupNotice>();
        return builder;
    }

    /// <summary>
    /// <c>POST /api/messages</c>, the Bot Connector's entry, when the adapter is on (an app id, or
    /// <c>Teams:AllowUnauthenticated</c>); not mapped at all when it is off, so the route answers 404.
    /// </summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value.Enabled)
            endpoints.MapPost(TeamsWebhook.Route, TeamsWebhook.ReceiveAsync);
        return endpoints;
    }

    /// <summary>The http loopback authority MSAL's requests are sent back to (a test's fake), or null.</summary>
    private static Uri? LoopbackAuthority(TeamsOptions options) =>
        Loopback.IsHttp(options.Authority) ? new Uri(options.Authority) : null;
}
