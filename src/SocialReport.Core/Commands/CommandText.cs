namespace SocialReport.Core.Commands;

/// <summary>A command split into its name and arguments: "/Topic@SocialReportBot réseaux sociaux" → ("topic", "réseaux sociaux").</summary>
public readonly record struct CommandText(string Name, string Arguments)
{
    public static CommandText Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('/')) trimmed = trimmed[1..];
        var space = trimmed.IndexOfAny([' ', '\n', '\t']);
        var name = space < 0 ? trimmed : trimmed[..space];
        var arguments = space < 0 ? "" : trimmed[(space + 1)..].Trim();
        var at = name.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0) name = name[..at];
        return new CommandText(name.ToLowerInvariant(), arguments);
    }

    /// <summary>Splits a trailing "page:N" off the arguments (the "more" buttons of paged lists add it).</summary>
    public (string Words, int Page) WithPage()
    {
        var words = Arguments;
        var marker = words.LastIndexOf("page:", StringComparison.OrdinalIgnoreCase);
        if (marker >= 0 && int.TryParse(words.AsSpan(marker + 5), System.Globalization.CultureInfo.InvariantCulture, out var page) && page >= 1)
            return (words[..marker].Trim(), page);
        return (words, 1);
    }
}
