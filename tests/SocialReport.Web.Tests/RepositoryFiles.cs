namespace SocialReport.Web.Tests;

/// <summary>Files of this repository the tests read: the sample editions.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Editions => Path.Combine(Root, "editions");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SocialReport.sln"))) return dir.FullName;
        throw new InvalidOperationException("SocialReport.sln not found above " + AppContext.BaseDirectory);
    }
}
