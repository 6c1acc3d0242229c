namespace SocialReport.Core.Editions;

/// <summary>A title line often carries the date: "Social Report - 6 mars 2020", "Veille du 3 avril 2020",
/// "The Social Brief: June 4, 2021". The title is what comes before it.</summary>
internal static class TitleText
{
    private static readonly string[] Connectives = ["du", "de", "le", "of", "on", "for", "from", "dated"];

    public static (string Title, DateMention? Date) Split(string line)
    {
        var date = DateFinder.Find(line).LastOrDefault(d => d.Year is not null);
        if (date is null || line[(date.Index + date.Length)..].Trim().Length > 0)
        {
            return (line, date);
        }
        var title = line[..date.Index].TrimEnd(' ', '-', '–', '—', '|', ':', ',', '·');
        var lastSpace = title.LastIndexOf(' ');
        if (lastSpace > 0 && Connectives.Contains(title[(lastSpace + 1)..].ToLowerInvariant()))
        {
            title = title[..lastSpace].TrimEnd(' ', '-', '–', '—', '|', ':', ',');
        }
        return (title.Length > 0 ? title : line, date);
    }
}
