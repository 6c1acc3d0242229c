using System.Collections.Concurrent;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>Files sent with /publish that say nowhere when they were published, one per chat, kept until the editor
/// gives the date (a button or <c>/publish date 2020-03-13</c>) or <see cref="Lifetime"/> passes. Editors only, at
/// most <see cref="MaxFiles"/> files of at most 2 MB: a bounded amount of memory, forgotten on restart.</summary>
public sealed class UndatedEditions(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    public const int MaxFiles = 16;

    private readonly ConcurrentDictionary<ChatKey, (Attachment File, DateTimeOffset ExpiresAt)> _files = new();

    public void Keep(ChatKey chat, Attachment file)
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _files)
        {
            if (entry.ExpiresAt <= now) _files.TryRemove(key, out _);
        }
        while (_files.Count >= MaxFiles && !_files.ContainsKey(chat)
            && _files.OrderBy(f => f.Value.ExpiresAt).FirstOrDefault() is { Key: var oldest } && _files.TryRemove(oldest, out _))
        {
        }
        _files[chat] = (file, now + Lifetime);
    }

    /// <summary>The chat's waiting file, left in place; null when there is none or it expired.</summary>
    public Attachment? Get(ChatKey chat) =>
        _files.TryGetValue(chat, out var entry) && entry.ExpiresAt > time.GetUtcNow() ? entry.File : null;

    public void Forget(ChatKey chat) => _files.TryRemove(chat, out _);
}
