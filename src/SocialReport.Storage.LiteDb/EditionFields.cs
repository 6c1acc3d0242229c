namespace SocialReport.Storage.LiteDb;

/// <summary>Field names of the <c>editions</c> collection: one small document per edition, pointing at its current revision.</summary>
internal static class EditionFields
{
    public const string Date = "date";
    public const string Title = "title";
    public const string Language = "language";
    public const string Stories = "stories";
    public const string Revision = "revision";
    public const string Hash = "hash";
    public const string PublishedAt = "publishedAt";
    public const string FirstPublishedAt = "firstPublishedAt";
    /// <summary>Date then id: the order of the archive, indexed.</summary>
    public const string SortKey = "sortKey";

    public static string SortKeyOf(string isoDate, string editionId) => $"{isoDate} {editionId}";
}

/// <summary>Field names of the <c>revisions</c> collection: every revision's content, current and previous.</summary>
internal static class RevisionFields
{
    public const string EditionId = "editionId";
    public const string Revision = "revision";
    public const string Hash = "hash";
    public const string PublishedAt = "publishedAt";
    public const string Content = "content";

    public static string IdOf(string editionId, int revision) =>
        $"{editionId}#{revision.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
