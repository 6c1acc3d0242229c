using Microsoft.Extensions.Options;
using SocialReport.Core.Editions;

namespace SocialReport.Host.Cli;

/// <summary>The services of the host, without the web server, for the verbs that only read and write the archive.</summary>
internal static class CliHost
{
    /// <param name="configure">Runs after the bot's own services are added (see <see cref="CommandLine.Build"/>).</param>
    public static IHost Build(Action<IHostApplicationBuilder>? configure = null, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning"), .. settings ?? []]);
        builder.AddSocialReport();
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>Runs a verb's body, turning a bad edition into "file:line: reason" on stderr and exit code 1.</summary>
    public static int Guard(Func<int> body) => Guard(Console.Error, body);

    /// <param name="error">Where the one line goes: the invocation's error writer, so that a test can read it.</param>
    public static int Guard(TextWriter error, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (EditionImportException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        catch (OptionsValidationException e)
        {
            error.WriteLine(Describe(e));
            return 2;
        }
    }

    /// <summary>A bad setting as one line on stderr (each failure names its setting), not a stack trace.</summary>
    public static string Describe(OptionsValidationException e) => $"configuration: {string.Join("; ", e.Failures)}";
}
