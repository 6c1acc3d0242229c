namespace SocialReport.Core.Editions.Text;

/// <summary>"Source : Le Monde", "Sources : Les Echos, Reuters", "Source: https://…": the names a line credits.</summary>
internal static class SourceLines
{
    public static IEnumerable<(string Name, Uri? Url)> Parse(string line, OutletCatalog outlets)
    {
        if (ChromeLines.SourceNames(line) is not { } names)
        {
            yield break;
        }
        foreach (var part in names.Split([",", ";", " et ", " and ", " & ", " / "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var address = words.FirstOrDefault(w => w.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || w.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
            var url = address is not null && Uri.TryCreate(address.Trim('(', ')', '<', '>'), UriKind.Absolute, out var parsed) ? parsed : null;
            var name = string.Join(' ', words.Where(w => w != address)).Trim(' ', '(', ')', '-', '–', ':', '.');
            if (name.Length == 0 && url is not null)
            {
                var host = url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;
                name = outlets.Find(host.Split('.')[0])?.Name ?? outlets.Find(host)?.Name ?? host;
            }
            if (name.Length > 0)
            {
                yield return (name, url);
            }
        }
    }
}
