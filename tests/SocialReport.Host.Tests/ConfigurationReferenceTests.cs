using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialReport.Core;
using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;
using SocialReport.Core.Editions;
using SocialReport.Core.Search;
using SocialReport.Host.Web;
using SocialReport.Storage.LiteDb;
using SocialReport.Teams;
using SocialReport.Telegram;

namespace SocialReport.Host.Tests;

/// <summary>appsettings.example.json and the README's table say what the code reads, no more, no less.</summary>
public sealed class ConfigurationReferenceTests
{
    public static TheoryData<string, Type> Sections => new()
    {
        { StorageOptions.SectionName, typeof(StorageOptions) },
        { BackupOptions.SectionName, typeof(BackupOptions) },
        { ImportOptions.SectionName, typeof(ImportOptions) },
        { CommandsOptions.SectionName, typeof(CommandsOptions) },
        { TelegramOptions.SectionName, typeof(TelegramOptions) },
        { TeamsOptions.SectionName, typeof(TeamsOptions) },
        { WebOptions.SectionName, typeof(WebOptions) },
        { MetricsOptions.SectionName, typeof(MetricsOptions) },
        { DeliveryOptions.SectionName, typeof(DeliveryOptions) },
        { SearchOptions.SectionName, typeof(SearchOptions) },
    };

    private static readonly IConfiguration Example = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepositoryFiles.Root, "appsettings.example.json"))
        .Build();

    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));

    /// <summary>The channels the host has, each with its sections <c>Delivery:{Section}</c> and <c>Admins:{Section}</c>.</summary>
    private static readonly IReadOnlyList<string> ChannelSections = RegisteredChannels();

    /// <summary>What a channel reads in its <c>Delivery:{Section}</c> besides the pacing every channel has.</summary>
    private static readonly Dictionary<string, Type[]> PacingExtras = new() { ["Telegram"] = [typeof(TelegramPaidBroadcastOptions)] };

    private static IEnumerable<string> Settings(Type options) => options
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is { IsPublic: true })
        .Select(p => p.Name);

    [Theory]
    [MemberData(nameof(Sections))]
    public void The_example_binds_to_the_options_without_unknown_keys(string section, Type options)
    {
        var bound = Activator.CreateInstance(options)!;
        WithoutChannels(Example.GetSection(section)).Bind(bound, o => o.ErrorOnUnknownConfiguration = true);
        Assert.True(Example.GetSection(section).Exists(), $"{section} missing from appsettings.example.json");
    }

    [Fact]
    public void Every_channel_has_its_pacing_and_its_editors_in_the_example_and_the_readme()
    {
        Assert.Equal(["Telegram", "Teams"], ChannelSections);
        foreach (var setting in ChannelSections.SelectMany(section => new[] { $"Delivery:{section}", $"Admins:{section}" }).Append("Admins:Console"))
        {
            Assert.True(Example.GetSection(setting).Exists(), $"{setting} is not in appsettings.example.json");
            Assert.True(Readme.Contains($"`{setting}`", StringComparison.Ordinal), $"{setting} is not in the README's configuration table");
        }
        foreach (var section in ChannelSections.Append("Other"))
        {
            Type[] readers = [typeof(ChannelPacingOptions), .. PacingExtras.GetValueOrDefault(section) ?? []];
            Assert.Empty(Example.GetSection($"Delivery:{section}").GetChildren().Select(key => key.Key).Except(readers.SelectMany(Settings)));
        }
        foreach (var extra in PacingExtras.SelectMany(pair => Settings(pair.Value.Single()).Select(name => $"Delivery:{pair.Key}:{name}")))
            Assert.True(Example.GetSection(extra).Exists(), $"{extra} is not in appsettings.example.json");
    }

    private static IReadOnlyList<string> RegisteredChannels()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.AddSocialReport();
        using var host = builder.Build();
        return [.. host.Services.GetServices<ChannelSettings>().Select(channel => channel.Section)];
    }

    /// <summary>The section without the channels' own sub-sections, which their adapters read.</summary>
    private static IConfiguration WithoutChannels(IConfigurationSection section) => new ConfigurationBuilder()
        .AddInMemoryCollection(section.AsEnumerable(makePathsRelative: true)
            .Where(setting => !ChannelSections.Any(channel => setting.Key.Split(':')[0].Equals(channel, StringComparison.OrdinalIgnoreCase))))
        .Build();

    [Theory]
    [MemberData(nameof(Sections))]
    public void Every_setting_is_in_the_example_and_the_readme(string section, Type options)
    {
        foreach (var name in Settings(options))
        {
            Assert.True(Example.GetSection($"{section}:{name}").Exists(), $"{section}:{name} is not in appsettings.example.json");
            Assert.True(Readme.Contains($"`{section}:{name}`", StringComparison.Ordinal), $"{section}:{name} is not in the README's configuration table");
        }
    }
}
