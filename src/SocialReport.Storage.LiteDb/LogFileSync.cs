namespace SocialReport.Storage.LiteDb;

/// <summary>
/// fsync of LiteDB's log file (<c>name-log.db</c> beside <c>name.db</c>), where every commit lands. The file is opened
/// for each flush: LiteDB creates it at the first commit, moves it away in a rebuild and deletes it when it closes
/// empty. Linux lets this handle open the file beside LiteDB's own, and fsync flushes the file, whichever handle wrote it.
/// </summary>
internal sealed class LogFileSync(string dataFile)
{
    private int _flushes;

    public string LogFile { get; } = LogFileOf(dataFile);

    /// <summary>How many times the log file was flushed to the disk.</summary>
    public int Flushes => Volatile.Read(ref _flushes);

    public void Flush()
    {
        FileStream log;
        try
        {
            log = new FileStream(LogFile, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }
        catch (FileNotFoundException)
        {
            return; // nothing committed to the log yet
        }
        using (log) log.Flush(flushToDisk: true);
        Interlocked.Increment(ref _flushes);
    }

    /// <summary>Where LiteDB keeps the log of <paramref name="dataFile"/>.</summary>
    public static string LogFileOf(string dataFile) =>
        Path.Combine(Path.GetDirectoryName(dataFile) ?? "", Path.GetFileNameWithoutExtension(dataFile) + "-log" + Path.GetExtension(dataFile));
}
