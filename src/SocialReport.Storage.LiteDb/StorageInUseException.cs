namespace SocialReport.Storage.LiteDb;

/// <summary>The LiteDB file is already open in another process (or another store of this one).</summary>
public sealed class StorageInUseException(string path, Exception inner) : InvalidOperationException(
    $"{path} is open in another SocialReport process: a LiteDB file takes one at a time. Stop that process, or give this one another Storage:Path.",
    inner);
