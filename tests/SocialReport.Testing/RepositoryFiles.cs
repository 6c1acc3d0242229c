namespace SocialReport.Testing;

/// <summary>Files of this repository the tests read: the sample editions, the bot manifests, the tests' own tools.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Editions => Path.Combine(Root, "editions");

    public static string Seed => Path.Combine(Editions, "2020-03-06-social-report.txt");

    public static string Newest => Path.Combine(Editions, "2020-03-27-social-report.md");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SocialReport.sln"))) return dir.FullName;
        throw new InvalidOperationException("SocialReport.sln not found above " + AppContext.BaseDirectory);
    }
}
