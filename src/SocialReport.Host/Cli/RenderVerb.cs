using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialReport.Core.Cards;
using SocialReport.Core.Editions;

namespace SocialReport.Host.Cli;

internal static class RenderVerb
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Build(Action<IHostApplicationBuilder>? configure)
    {
        var file = new Argument<FileInfo>("file") { Description = "The edition file (.md, .txt or .html)." };
        var channel = new Option<string>("--channel")
        {
            Description = "text, or the name of a channel the host has (each adapter registers its own).",
            Required = true,
        };
        var json = new Option<bool>("--json") { Description = "One JSON array: each message's kind and platform payload." };
        var language = new Option<string?>("--lang") { Description = "Interface language of the labels (fr or en); default: the edition's." };
        var verb = new Command("render", "Print everything a reader can be shown of an edition on a channel: cover, story cards, full-story parts.")
        {
            file, channel, json, language, ImportVerb.Format, EditionOptions.Date, EditionOptions.Encoding,
        };
        verb.SetAction(parse => CliHost.Guard(parse.InvocationConfiguration.Error, () =>
        {
            using var host = CliHost.Build(configure);
            // The first registered for a channel, as in the web preview.
            var previews = host.Services.GetServices<IEditionPreview>().DistinctBy(p => p.Channel, StringComparer.OrdinalIgnoreCase).ToList();
            var name = parse.GetValue(channel)!;
            if (previews.Find(p => string.Equals(p.Channel, name, StringComparison.OrdinalIgnoreCase)) is not { } preview)
            {
                parse.InvocationConfiguration.Error.WriteLine($"--channel: no channel '{name}'; one of {string.Join(", ", previews.Select(p => p.Channel))}.");
                return 1;
            }
            var edition = host.Services.GetRequiredService<EditionImporter>().ImportFile(parse.GetValue(file)!.FullName, EditionOptions.Hints(parse));
            var messages = preview.Render(edition, parse.GetValue(language) ?? edition.Language);
            parse.InvocationConfiguration.Output.WriteLine(parse.GetValue(json) ? AsJson(messages) : AsText(messages));
            return 0;
        }));
        return verb;
    }

    private static string AsJson(IReadOnlyList<PreviewMessage> messages)
    {
        var array = new JsonArray();
        foreach (var message in messages)
        {
            var item = new JsonObject { ["kind"] = message.Kind };
            foreach (var (name, value) in message.Payload) item[name] = value?.DeepClone();
            array.Add(item);
        }
        return array.ToJsonString(Indented);
    }

    private static string AsText(IReadOnlyList<PreviewMessage> messages) =>
        string.Join("\n\n", messages.Select(m => $"──── {m.Kind} ────\n{m.Text}"));
}
