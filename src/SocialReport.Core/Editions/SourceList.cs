namespace SocialReport.Core.Editions;

/// <summary>A story's sources in order of first mention, each once (an outlet's spellings count as one).</summary>
internal sealed class SourceList(OutletCatalog outlets)
{
    private readonly List<Source> sources = [];
    private readonly Dictionary<string, int> indexByKey = new(StringComparer.Ordinal);

    public IReadOnlyList<Source> Items => sources;

    public void Add(string name, Uri? url)
    {
        name = PlainText.Normalize(name).Trim();
        if (name.Length == 0)
        {
            return;
        }
        var key = outlets.Find(name)?.Name is { } outlet ? TextFolding.Key(outlet) : TextFolding.Key(name);
        if (indexByKey.TryGetValue(key, out var index))
        {
            if (sources[index].Url is null && url is not null)
            {
                sources[index] = sources[index] with { Url = url };
            }
            return;
        }
        indexByKey[key] = sources.Count;
        sources.Add(new Source(name, url));
    }

    /// <summary>Outlets the text names, spelled as the text spells them (capitalised: "selon l’ADN" gives "L’ADN").</summary>
    public void AddMentioned(string text)
    {
        foreach (var mention in outlets.FindMentions(text))
        {
            Add(char.ToUpperInvariant(mention.Text[0]) + mention.Text[1..], null);
        }
    }
}
