using System.CommandLine;
using SocialReport.Core.Editions;

namespace SocialReport.Host.Cli;

internal static class ImportVerb
{
    public static readonly Option<EditionFormat?> Format = new("--format")
    {
        Description = "markdown, text or html; by default from the file's extension and content.",
    };

    public static Command Build(Action<IHostApplicationBuilder>? configure)
    {
        var file = new Argument<FileInfo>("file") { Description = "The edition file (.md, .txt or .html)." };
        var json = new Option<bool>("--json") { Description = "Print the edition as JSON (the stable contract)." };
        var explain = new Option<bool>("--explain") { Description = "Print what each line of the file became (title, date, headline, body, dropped chrome…) and why." };
        var verb = new Command("import", "Parse an edition file and print the edition; nothing is stored.") { file, json, explain, Format, EditionOptions.Date, EditionOptions.Encoding };
        verb.SetAction(parse => CliHost.Guard(parse.InvocationConfiguration.Error, () =>
        {
            using var host = CliHost.Build(configure);
            if (parse.GetValue(explain))
            {
                var explanation = host.Services.GetRequiredService<EditionImporter>().Explain(parse.GetValue(file)!.FullName, EditionOptions.Hints(parse));
                parse.InvocationConfiguration.Output.WriteLine(ExplainText.Describe(explanation));
                return explanation.Edition is null ? 1 : 0;
            }
            var edition = host.Services.GetRequiredService<EditionImporter>().ImportFile(parse.GetValue(file)!.FullName, EditionOptions.Hints(parse));
            parse.InvocationConfiguration.Output.WriteLine(parse.GetValue(json) ? EditionJson.Serialize(edition) : EditionText.Describe(edition));
            return 0;
        }));
        return verb;
    }
}
