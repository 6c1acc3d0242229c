namespace SocialReport.Host.Tests;

/// <summary>A setting that would leave the bot open stops <c>serve</c> before it listens: one line on stderr, exit code 2.</summary>
public sealed class StartupRefusalTests
{
    [Fact]
    public async Task Teams_unauthenticated_mode_outside_Development_stops_serve_with_one_line()
    {
        using var directory = new TempDirectory();

        var (exitCode, _, errors) = await HostProcess.RunAsync(["serve", "--urls", "http://127.0.0.1:0"], directory.DatabaseFile,
            new Dictionary<string, string> { ["Teams:AllowUnauthenticated"] = "true", ["Storage:SeedDirectory"] = "" });

        Assert.Equal(2, exitCode);
        Assert.Equal(
            "configuration: Teams:AllowUnauthenticated is refused in the Production environment: it is for local emulators in Development only.",
            errors.Trim());
    }

    [Theory]
    [InlineData("Oracle", null, "configuration: Storage:Provider must be LiteDb or PostgreSql, not 'Oracle'.")]
    [InlineData("PostgreSql", null, "configuration: Storage:ConnectionString is required when Storage:Provider is PostgreSql.")]
    [InlineData("postgresql", "Host=db;Colour=blue", "configuration: Storage:ConnectionString is not an Npgsql connection string: ")]
    public async Task A_bad_storage_setting_stops_serve_with_one_line(string provider, string? connectionString, string expected)
    {
        using var directory = new TempDirectory();
        var settings = new Dictionary<string, string> { ["Storage:Provider"] = provider, ["Storage:SeedDirectory"] = "" };
        if (connectionString is not null) settings["Storage:ConnectionString"] = connectionString;

        var (exitCode, _, errors) = await HostProcess.RunAsync(["serve", "--urls", "http://127.0.0.1:0"], directory.DatabaseFile, settings);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(expected, errors.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', errors.Trim());
        Assert.False(File.Exists(directory.DatabaseFile), "no store was opened");
    }

    [Theory]
    [InlineData("LiteDb", "Storage:Backup:Cron", "every night", "configuration: Storage:Backup:Cron 'every night' is not a cron expression (minute hour day month weekday).")]
    [InlineData("LiteDb", "Storage:Backup:Keep", "0", "configuration: Storage:Backup:Keep must be between 1 and 10000.")]
    public async Task A_bad_backup_setting_stops_serve_with_one_line(string provider, string key, string value, string expected)
    {
        using var directory = new TempDirectory();
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = "Host=db.invalid;Database=socialreport",
            ["Storage:SeedDirectory"] = "",
            [key] = value,
        };

        var (exitCode, _, errors) = await HostProcess.RunAsync(["serve", "--urls", "http://127.0.0.1:0"], directory.DatabaseFile, settings);

        Assert.Equal(2, exitCode);
        Assert.Equal(expected, errors.Trim());
        Assert.False(File.Exists(directory.DatabaseFile), "no store was opened");
    }
}
