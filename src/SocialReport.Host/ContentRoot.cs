namespace SocialReport.Host;

/// <summary>
/// Where the host finds appsettings.json and wwwroot, and what relative paths in its settings are relative to: the
/// app's own folder (<see cref="AppContext.BaseDirectory"/>), whatever the working directory, as systemd or a container
/// starts it; unless <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c> / <c>DOTNET_CONTENTROOT</c> says otherwise.
/// </summary>
internal static class ContentRoot
{
    /// <returns>The app's folder, or null when the content root is given (the host then reads it as usual).</returns>
    public static string? Default(string[] args)
    {
        var given = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[WebHostDefaults.ContentRootKey];
        return string.IsNullOrEmpty(given) ? AppContext.BaseDirectory : null;
    }

    /// <summary>A setting's path: absolute as given, else under <paramref name="contentRoot"/>.</summary>
    public static string Resolve(string contentRoot, string path) => Path.GetFullPath(path, contentRoot);
}
