using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialReport.Core.Archive;
using SocialReport.Core.Search;
using SocialReport.Storage.LiteDb;

namespace SocialReport.Host.Tests;

/// <summary>Where the data goes and when the sample editions fill an empty archive.</summary>
public sealed class StorageSettingsTests
{
    [Fact]
    public void Relative_storage_paths_are_under_the_content_root_not_the_working_directory()
    {
        using var root = new TempDirectory();
        using var host = Build(root.Path, "Production", new() { ["Storage:Path"] = "data/bot.db", ["Storage:SeedDirectory"] = "samples" });

        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(Path.Combine(root.Path, "data", "bot.db"), storage.Path);
        Assert.Equal(Path.Combine(root.Path, "samples"), storage.SeedDirectory);
    }

    [Fact]
    public void Absolute_storage_paths_stay_as_given()
    {
        using var root = new TempDirectory();
        using var data = new TempDirectory();
        using var host = Build(root.Path, "Production", new() { ["Storage:Path"] = data.DatabaseFile, ["Storage:SeedDirectory"] = RepositoryFiles.Editions });

        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal((data.DatabaseFile, RepositoryFiles.Editions), (storage.Path, storage.SeedDirectory));
    }

    [Theory]
    [InlineData(null, null, "data/bot.db.search")]
    [InlineData(null, "index", "index")]
    [InlineData("PostgreSql", null, "data/search-index")]
    [InlineData(null, "", "")]
    public void The_search_index_is_kept_beside_the_store_unless_told_otherwise(string? provider, string? indexDirectory, string expected)
    {
        using var root = new TempDirectory();
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = "data/bot.db", ["Search:IndexDirectory"] = indexDirectory };
        if (provider is not null) settings["Storage:Provider"] = provider;
        using var host = Build(root.Path, "Production", settings);

        var search = host.Services.GetRequiredService<IOptions<SearchOptions>>().Value;

        Assert.Equal(expected.Length == 0 ? "" : Path.Combine(root.Path, expected), search.IndexDirectory);
    }

    [Fact]
    public async Task A_restarted_host_finds_its_search_index_where_it_left_it()
    {
        using var root = new TempDirectory();
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = root.DatabaseFile, ["Storage:SeedDirectory"] = RepositoryFiles.Editions, ["Storage:SeedSamples"] = "true" };
        using (var first = Build(root.Path, "Production", settings))
        {
            await first.Services.GetServices<IHostedService>().OfType<ArchiveSeeder>().Single().StartAsync(CancellationToken.None);
            Assert.NotEmpty(first.Services.GetRequiredService<IStoryIndex>().Search("whatsapp", 0, 10).Hits);
        }
        Assert.True(Directory.Exists(root.DatabaseFile + ".search"));

        using var second = Build(root.Path, "Production", settings);
        var index = (LuceneStoryIndex)second.Services.GetRequiredService<IStoryIndex>();

        Assert.Equal(0, index.Sync(second.Services.GetRequiredService<IEditionArchive>()));
        Assert.NotEmpty(index.Search("whatsapp", 0, 10).Hits);
    }

    [Fact]
    public async Task A_host_restarted_with_nothing_changed_leaves_its_search_index_files_as_they_were()
    {
        using var root = new TempDirectory();
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = root.DatabaseFile, ["Storage:SeedDirectory"] = RepositoryFiles.Editions, ["Storage:SeedSamples"] = "true" };
        using (var first = Build(root.Path, "Production", settings))
            await first.Services.GetServices<IHostedService>().OfType<ArchiveSeeder>().Single().StartAsync(CancellationToken.None);
        var written = IndexFiles(root.DatabaseFile + ".search");

        using (var second = Build(root.Path, "Production", settings))
            Assert.NotEmpty(second.Services.GetRequiredService<IStoryIndex>().Search("whatsapp", 0, 10).Hits);

        Assert.Equal(written, IndexFiles(root.DatabaseFile + ".search"));
    }

    /// <summary>Every file of the index directory with its bytes, the write lock aside.</summary>
    private static SortedDictionary<string, string> IndexFiles(string directory) => new(
        Directory.GetFiles(directory).Where(f => Path.GetFileName(f) != "write.lock")
            .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);

    [Theory]
    [InlineData("Production", null, 0)]
    [InlineData("Staging", null, 0)]
    [InlineData("Production", "true", 4)]
    [InlineData("Development", null, 4)]
    [InlineData("Development", "false", 0)]
    public async Task The_samples_seed_an_empty_archive_only_in_Development_or_when_asked(string environment, string? seedSamples, int editions)
    {
        using var root = new TempDirectory();
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = root.DatabaseFile, ["Storage:SeedDirectory"] = RepositoryFiles.Editions };
        if (seedSamples is not null) settings["Storage:SeedSamples"] = seedSamples;
        using var host = Build(root.Path, environment, settings);

        await host.Services.GetServices<IHostedService>().OfType<ArchiveSeeder>().Single().StartAsync(CancellationToken.None);

        Assert.Equal(editions, host.Services.GetRequiredService<IEditionArchive>().Count());
    }

    private static IHost Build(string contentRoot, string environment, Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = contentRoot,
            EnvironmentName = environment,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSocialReport();
        return builder.Build();
    }
}
