using SocialReport.Host.Cli;

return await CommandLine.Build().Parse(args).InvokeAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
