namespace SocialReport.Testing.Telegram;

/// <summary>A Bot API MessageEntity; offsets and lengths in UTF-16 code units, as Telegram counts them.</summary>
public sealed record TextEntity(string Type, int Offset, int Length, string? Url = null, string? Language = null, string? CustomEmojiId = null);

/// <summary>A message text after entity parsing: what the reader sees, and its formatting.</summary>
public sealed record FormattedText(string Text, IReadOnlyList<TextEntity> Entities)
{
    /// <summary>Telegram drops leading and trailing white space before it counts or stores a text.</summary>
    public FormattedText Trimmed()
    {
        var start = 0;
        while (start < Text.Length && char.IsWhiteSpace(Text[start])) start++;
        var end = Text.Length;
        while (end > start && char.IsWhiteSpace(Text[end - 1])) end--;
        if (start == 0 && end == Text.Length) return this;
        var entities = new List<TextEntity>();
        foreach (var entity in Entities)
        {
            var from = Math.Max(entity.Offset, start);
            var to = Math.Min(entity.Offset + entity.Length, end);
            if (to > from) entities.Add(entity with { Offset = from - start, Length = to - from });
        }
        return new FormattedText(Text[start..end], entities);
    }
}
