namespace SocialReport.Testing;

/// <summary>What a test host leaves behind on a LiteDB file.</summary>
public static class StoreFiles
{
    /// <summary>
    /// Waits until no host holds <paramref name="dataFile"/>'s lock (the <c>.lock</c> file beside it that LiteDbStore takes
    /// exclusively). A WebApplicationFactory's dispose can return while the app's own thread is still disposing the host's
    /// services (both dispose the same provider; the second returns at once), so a host started next on the same file
    /// would find it held.
    /// </summary>
    public static async Task WaitUntilReleasedAsync(string dataFile)
    {
        var patience = TimeSpan.FromSeconds(60);
        var started = DateTime.UtcNow;
        while (true)
        {
            try
            {
                using var probe = new FileStream(dataFile + ".lock", FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                return;
            }
            catch (FileNotFoundException)
            {
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException) when (DateTime.UtcNow - started < patience)
            {
                await Task.Delay(20);
            }
        }
    }
}
