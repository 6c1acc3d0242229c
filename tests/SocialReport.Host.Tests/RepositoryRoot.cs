namespace SocialReport.Host.Tests;

/// <summary>The checkout the tests run from: the directory holding SocialReport.sln.</summary>
static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "SocialReport.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No SocialReport.sln above {AppContext.BaseDirectory}.");
    }
}
