using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SocialReport.Storage.PostgreSql.Tests;

public sealed class HostingTests(PostgreSqlDatabase database) : IClassFixture<PostgreSqlDatabase>
{
    private static HostApplicationBuilder Builder(string? connectionString)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("Storage:ConnectionString", connectionString)]);
        builder.AddPostgreSqlStorage();
        return builder;
    }

    [Fact]
    public async Task Registers_one_store_behind_every_storage_interface()
    {
        using var host = Builder(database.ConnectionString).Build();
        await host.StartAsync();

        host.Services.GetRequiredService<IEditionArchive>().Publish(TestEditions.Weekly(new DateOnly(2020, 3, 6)));

        Assert.Same(host.Services.GetRequiredService<PostgreSqlEditionArchive>(), host.Services.GetRequiredService<IEditionArchive>());
        Assert.IsType<PostgreSqlChatStore>(host.Services.GetRequiredService<IChatStore>());
        Assert.IsType<PostgreSqlUpdateInbox>(host.Services.GetRequiredService<IUpdateInbox>());
        Assert.IsType<PostgreSqlBroadcastRequestStore>(host.Services.GetRequiredService<IBroadcastRequestStore>());
        Assert.IsType<PostgreSqlDeliveryLedger>(host.Services.GetRequiredService<IDeliveryLedger>());
        Assert.Equal(1, host.Services.GetRequiredService<PostgreSqlEditionArchive>().Count());
        await host.StopAsync();
    }

    [Theory]
    [InlineData(null, "Storage:ConnectionString is required when Storage:Provider is PostgreSql.")]
    [InlineData("Host=db;Colour=blue;Password=secret", "Storage:ConnectionString is not an Npgsql connection string")]
    public async Task A_missing_or_malformed_connection_string_fails_at_start_without_showing_it(string? connectionString, string expected)
    {
        using var host = Builder(connectionString).Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith(expected, Assert.Single(error.Failures), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }
}
