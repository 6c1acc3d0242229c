namespace SocialReport.Core.Editions;

/// <summary>A story's sources in order of first mention, each once (an outlet's spellings count as one).</summary>
internal sealed class SourceList(OutletCatalog outlets)
{
    private readonly List<Source> _sources = [];
    private readonly Dictionary<string, int> _indexByKey = new(StringComparer.Ordinal);

    public IReadOnlyList<Source> Items => _sources;

    public void Add(string name, Uri? url)
    {
        name = PlainText.Normalize(name).Trim();
        if (name.Length == 0)
        {
            return;
        }
        var key = outlets.Find(name)?.Name is { } outlet ? TextFolding.Key(outlet) : TextFolding.Key(name);
        if (_indexByKey.TryGetValue(key, out var index))
        {
            if (_sources[index].Url is null && url is not null)
            {
                _sources[index] = _sources[index] with { Url = url };
            }
            return;
        }
        _indexByKey[key] = _sources.Count;
        _sources.Add(new Source(name, url));
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
