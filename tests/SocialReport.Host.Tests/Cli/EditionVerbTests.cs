using System.CommandLine;
using System.Text;
using System.Text.Json;
using SocialReport.Host.Cli;

namespace SocialReport.Host.Tests.Cli;

/// <summary>import, render and publish take --date and --encoding; without a date anywhere they fail naming --date.</summary>
public sealed class EditionVerbTests : IDisposable
{
    private const string Undated = "Veille sociale\n\nUne intro sans aucune date, assez longue pour en être une.\n\nTikTok lance une boutique à Noël\n\nTikTok ouvre sa boutique en France, selon Le Monde.\n";

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await CommandLine.Build().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false });
        return (exit, output.ToString(), errors.ToString());
    }

    private string Write(string name, byte[] content)
    {
        var path = _directory.File(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Theory]
    [InlineData("import")]
    [InlineData("publish")]
    [InlineData("render")]
    public async Task Without_a_date_anywhere_the_verb_fails_naming_the_option(string verb)
    {
        var path = Write("veille.txt", Encoding.UTF8.GetBytes(Undated));
        string[] args = verb == "render" ? [verb, path, "--channel", "text"] : [verb, path];

        var (exit, output, errors) = await RunAsync(args);

        Assert.Equal((1, ""), (exit, output));
        Assert.Contains("no date found", errors, StringComparison.Ordinal);
        Assert.Contains("--date 2020-03-13", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_with_a_date_prints_it_and_where_it_came_from()
    {
        var path = Write("veille.txt", Encoding.UTF8.GetBytes(Undated));

        var (exit, output, errors) = await RunAsync("import", path, "--date", "2020-03-13", "--json");

        Assert.Equal((0, ""), (exit, errors));
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(("2020-03-13", "given"), (root.GetProperty("date").GetString(), root.GetProperty("dateSource").GetString()));
        Assert.Contains("2020-03-13 (given)", (await RunAsync("import", path, "--date", "2020-03-13")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_takes_the_date_too()
    {
        var path = Write("veille.txt", Encoding.UTF8.GetBytes(Undated));

        var (exit, output, errors) = await RunAsync("render", path, "--channel", "text", "--date", "2020-03-13");

        Assert.Equal((0, ""), (exit, errors));
        Assert.Contains("TikTok lance une boutique à Noël", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_file_name_dates_an_undated_file()
    {
        var path = Write("veille-13-03-2020.txt", Encoding.UTF8.GetBytes(Undated));

        var (_, output, _) = await RunAsync("import", path, "--json");

        Assert.Equal("fileName", JsonDocument.Parse(output).RootElement.GetProperty("dateSource").GetString());
    }

    [Fact]
    public async Task A_date_that_is_not_one_is_refused_by_the_parser()
    {
        var path = Write("veille.txt", Encoding.UTF8.GetBytes(Undated));

        var (exit, _, errors) = await RunAsync("import", path, "--date", "13/03/2020");

        Assert.NotEqual(0, exit);
        Assert.Contains("--date: '13/03/2020' is not a date", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Windows_1252_is_read_as_is_and_encoding_overrides()
    {
        var path = Write("veille-2020-03-13.txt", Core.Editions.TextEncodings.Windows1252.GetBytes(Undated));

        var (detectedExit, detected, _) = await RunAsync("import", path, "--json");
        var (forcedExit, _, forcedErrors) = await RunAsync("import", path, "--json", "--encoding", "utf-8");
        var (_, _, unknownErrors) = await RunAsync("import", path, "--encoding", "ebcdic");

        Assert.Equal(0, detectedExit);
        Assert.Equal("TikTok lance une boutique à Noël", JsonDocument.Parse(detected).RootElement.GetProperty("stories")[0].GetProperty("headline").GetString());
        Assert.Equal(1, forcedExit);
        Assert.Contains("not valid utf-8 text", forcedErrors, StringComparison.Ordinal);
        Assert.Contains("--encoding: 'ebcdic' is not one of", unknownErrors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_explain_prints_each_line_and_why_even_when_the_date_is_missing()
    {
        var path = Write("veille.txt", Encoding.UTF8.GetBytes("Partager\n" + Undated));

        var (exit, output, _) = await RunAsync("import", path, "--explain");
        var (datedExit, dated, _) = await RunAsync("import", path, "--explain", "--date", "2020-03-13");

        Assert.Equal(1, exit);
        Assert.Contains("dropped    Partager", output, StringComparison.Ordinal);
        Assert.Contains("↳ button, link or page furniture", output, StringComparison.Ordinal);
        Assert.Contains("title      Veille sociale", output, StringComparison.Ordinal);
        Assert.Contains("headline   TikTok lance une boutique à Noël", output, StringComparison.Ordinal);
        Assert.Contains("not imported: ", output, StringComparison.Ordinal);
        Assert.Contains("--date 2020-03-13", output, StringComparison.Ordinal);
        Assert.Equal(0, datedExit);
        Assert.Contains("Veille sociale · 2020-03-13 (given)", dated, StringComparison.Ordinal);
    }
}
