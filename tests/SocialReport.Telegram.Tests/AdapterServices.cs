using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialReport.Testing.Telegram;

namespace SocialReport.Telegram.Tests;

/// <summary>The adapter's services as AddTelegram registers them, pointed at the fake; the host is built, not started.</summary>
internal static class AdapterServices
{
    public static IHost Build(FakeTelegramServer fake, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection(
        [
            new("Telegram:BotToken", fake.Token),
            new("Telegram:ApiBaseUrl", fake.BaseUrl),
            .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)),
        ]);
        builder.AddTelegram();
        return builder.Build();
    }

    public static T Get<T>(this IHost host) where T : notnull => host.Services.GetRequiredService<T>();
}
