using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SocialReport.Storage.LiteDb.Tests;

public sealed class HostingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static HostApplicationBuilder Builder(string? path)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (path is not null) builder.Configuration.AddInMemoryCollection([new("Storage:Path", path)]);
        builder.AddLiteDbStorage();
        return builder;
    }

    [Fact]
    public async Task Registers_one_store_behind_the_archive_and_the_chat_store()
    {
        var path = Path.Combine(_dir.Path, "data", "bot.db");
        using var host = Builder(path).Build();
        await host.StartAsync();

        var archive = host.Services.GetRequiredService<IEditionArchive>();
        var chats = host.Services.GetRequiredService<IChatStore>();
        archive.Publish(TestEditions.Weekly(new DateOnly(2020, 3, 6)));
        chats.Save(new Chat { Key = new ChatKey("telegram", "1"), Kind = ChatKind.Private, Language = "fr", State = SubscriptionState.Active, UpdatedAt = DateTimeOffset.UtcNow });

        Assert.IsType<LiteDbEditionArchive>(archive);
        Assert.Same(archive, host.Services.GetRequiredService<LiteDbEditionArchive>());
        Assert.Equal(path, host.Services.GetRequiredService<LiteDbStore>().FilePath);
        Assert.True(File.Exists(path));
        Assert.Equal("1", Assert.Single(chats.Active("telegram")).Key.Id);
        await host.StopAsync();
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    public async Task Storage_Durable_makes_the_store_flush_its_commits(string? durable, bool flushes)
    {
        var builder = Builder(Path.Combine(_dir.Path, "bot.db"));
        if (durable is not null) builder.Configuration.AddInMemoryCollection([new("Storage:Durable", durable)]);
        using var host = builder.Build();
        await host.StartAsync();

        Assert.Equal(flushes, host.Services.GetRequiredService<LiteDbStore>().LogFile is not null);
        Assert.IsType<LiteDbUpdateInbox>(host.Services.GetRequiredService<IUpdateInbox>());
        Assert.IsType<LiteDbBroadcastRequestStore>(host.Services.GetRequiredService<IBroadcastRequestStore>());
        await host.StopAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_path_fails_at_start(string path)
    {
        using var host = Builder(path).Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_path_is_under_the_working_directory()
    {
        using var host = Builder(null).Build();

        Assert.Equal("data/socialreport.db", host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Path);
    }
}
