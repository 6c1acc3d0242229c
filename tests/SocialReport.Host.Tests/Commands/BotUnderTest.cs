using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialReport.Core.Cards;
using SocialReport.Core.Commands;
using SocialReport.Core.Readers;

namespace SocialReport.Host.Tests.Commands;

/// <summary>The host's real services over a temp LiteDB file seeded with the repository's editions.</summary>
internal sealed class BotUnderTest : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly IHost _host;

    private BotUnderTest(IHost host, TempDirectory directory) => (_host, _directory) = (host, directory);

    public IServiceProvider Services => _host.Services;
    public CommandEngine Engine => Services.GetRequiredService<CommandEngine>();
    public IChatStore Chats => Services.GetRequiredService<IChatStore>();

    public static async Task<BotUnderTest> StartAsync(Action<IHostApplicationBuilder>? configure = null, params (string Key, string Value)[] settings)
    {
        var directory = new TempDirectory();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = directory.DatabaseFile,
            ["Storage:SeedDirectory"] = RepositoryFiles.Editions,
            ["Storage:SeedSamples"] = "true",
            ["Admins:Console:0"] = "admin",
            ["Commands:PerChatPerMinute"] = "1000",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddSocialReport();
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        return new BotUnderTest(host, directory);
    }

    public Task<Reply> AskAsync(string text, string who = "reader", bool fromButton = false) =>
        Engine.HandleAsync(new Inbound
        {
            Chat = new ChatKey("console", who),
            ChatKind = ChatKind.Private,
            Sender = new Sender(who, who, "fr-FR"),
            Text = text,
            FromButton = fromButton,
        }, CancellationToken.None);

    public Task<Reply> AskInAsync(ChatKey chat, ChatKind kind, string who, string text) =>
        Engine.HandleAsync(new Inbound { Chat = chat, ChatKind = kind, Sender = new Sender(who), Text = text }, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _directory.Dispose();
    }
}

internal static class ReplyExtensions
{
    public static T Single<T>(this Reply reply) where T : Card => Assert.IsType<T>(Assert.Single(reply.Cards));

    public static string NoticeText(this Reply reply) => reply.Single<NoticeCard>().Text;

    public static IEnumerable<CardAction> AllActions(this Card card) => card.Actions.SelectMany(row => row);

    public static CardAction Action(this Card card, string label) => card.AllActions().Single(a => a.Label == label);
}
