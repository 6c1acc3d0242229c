using System.Reflection;
using Microsoft.Extensions.Configuration;
using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;
using SocialReport.Core.Editions;
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
        { ImportOptions.SectionName, typeof(ImportOptions) },
        { EditorsOptions.SectionName, typeof(EditorsOptions) },
        { CommandsOptions.SectionName, typeof(CommandsOptions) },
        { TelegramOptions.SectionName, typeof(TelegramOptions) },
        { TeamsOptions.SectionName, typeof(TeamsOptions) },
        { WebOptions.SectionName, typeof(WebOptions) },
        { MetricsOptions.SectionName, typeof(MetricsOptions) },
        { DeliveryOptions.SectionName, typeof(DeliveryOptions) },
    };

    private static readonly IConfiguration Example = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepositoryFiles.Root, "appsettings.example.json"))
        .Build();

    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));

    private static IEnumerable<string> Settings(Type options) => options
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is { IsPublic: true })
        .Select(p => p.Name);

    [Theory]
    [MemberData(nameof(Sections))]
    public void The_example_binds_to_the_options_without_unknown_keys(string section, Type options)
    {
        var bound = Activator.CreateInstance(options)!;
        Example.GetSection(section).Bind(bound, o => o.ErrorOnUnknownConfiguration = true);
        Assert.True(Example.GetSection(section).Exists(), $"{section} missing from appsettings.example.json");
    }

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
