using System.CommandLine;
using Microsoft.Extensions.Options;
using SocialReport.Host.Cli;
using SocialReport.Host;
using SocialReport.Storage.LiteDb;

_ = NativeHeap.Tune();
try
{
    return await CommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (StorageInUseException e)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine(CliHost.Describe(e));
    return 2;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    Console.Error.WriteLine(e);
    return 1;
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
