namespace SocialReport.Storage.LiteDb;

public sealed partial class LiteDbStore
{
    /// <summary>LiteDB's own: a checkpoint once the log holds 1 000 pages.</summary>
    private const int DefaultCheckpointSize = 1000;

    private readonly Lock _backingUp = new();

    /// <summary>
    /// Writes a consistent copy of the file to <paramref name="file"/> while the store stays open and in use; its
    /// directory is created, an existing file is refused. Returns the size of the copy in bytes.
    /// <para>
    /// LiteDB writes a commit to its log file and moves the log into the data file only at a checkpoint. With the
    /// automatic checkpoint off, one checkpoint puts every commit so far into the data file, which then stays as it is
    /// while it is copied: the commits made meanwhile wait in the log, and the copy is the store as of the checkpoint.
    /// </para>
    /// </summary>
    public long BackUp(string file)
    {
        var target = System.IO.Path.GetFullPath(file);
        if (File.Exists(target)) throw new IOException($"{target} already exists: give the backup a new file.");
        var directory = System.IO.Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var partial = target + ".partial";
        int checkpointSize;
        lock (_backingUp)
        {
            checkpointSize = Database.CheckpointSize is > 0 and var size ? size : DefaultCheckpointSize;
            Database.CheckpointSize = 0;
            try
            {
                Database.Checkpoint();
                using var source = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None);
                source.CopyTo(copy);
                copy.Flush(flushToDisk: true);
            }
            finally
            {
                Database.CheckpointSize = checkpointSize;
            }
        }
        try
        {
            // The copy was made with the automatic checkpoint off (the checkpoint wrote that setting too): on again.
            using (var copied = new LiteDatabase(new ConnectionString { Filename = partial })) copied.CheckpointSize = checkpointSize;
            File.Move(partial, target);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
        return new FileInfo(target).Length;
    }

    /// <summary>
    /// Puts the backup <paramref name="backup"/> at <paramref name="path"/>, which no process may have open
    /// (<see cref="StorageInUseException"/>, the lock being held until the end); an existing file is replaced only
    /// when <paramref name="replace"/>. The backup is opened first, aside: a file that is not a LiteDB database is
    /// refused before anything is replaced, and an older schema is upgraded.
    /// </summary>
    public static void Restore(string backup, string path, bool replace)
    {
        var source = System.IO.Path.GetFullPath(backup);
        var target = System.IO.Path.GetFullPath(path);
        if (!File.Exists(source)) throw new FileNotFoundException($"{source}: no such file", source);
        var directory = System.IO.Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        using var held = Lock(target);
        if (File.Exists(target) && !replace)
            throw new IOException($"{target} already exists: restore into another Storage:Path, or replace it with --replace.");
        var restoring = target + ".restoring";
        File.Copy(source, restoring, overwrite: true);
        try
        {
            using (new LiteDbStore(restoring)) { }
            // A log left beside the old file would be replayed into the restored one at its first open.
            File.Delete(LogFileSync.LogFileOf(target));
            File.Move(restoring, target, overwrite: true);
        }
        catch
        {
            File.Delete(restoring);
            throw;
        }
        finally
        {
            File.Delete(restoring + ".lock");
        }
    }
}
