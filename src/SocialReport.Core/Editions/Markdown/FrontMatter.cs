using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace SocialReport.Core.Editions.Markdown;

/// <summary>The YAML block at the top of a Markdown edition: title, date, language, url, authors (name and role).</summary>
internal sealed record FrontMatter(string? Title, DateOnly? Date, string? Language, Uri? Url, IReadOnlyList<Author> Authors)
{
    public static FrontMatter Empty { get; } = new(null, null, null, null, []);

    /// <summary>The first line opening more brackets than it closes, else where the scanner gave up.</summary>
    private static int UnclosedLine(string yaml, int fallback)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].Count(c => c is '[' or '{') > lines[i].Count(c => c is ']' or '}')) return i + 1;
        return fallback;
    }

    /// <param name="firstLine">The file line (1-based) of the YAML's first line, so errors name the file's line.</param>
    public static FrontMatter Parse(string fileName, string yaml, int firstLine)
    {
        if (yaml.Length > ImportLimits.MaxFrontMatterChars)
        {
            throw new EditionImportException(fileName, firstLine, $"the front matter is too long (over {ImportLimits.MaxFrontMatterChars / 1024} KB)");
        }
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(yaml));
        try
        {
            Screen(fileName, new Parser(scanner), firstLine);
            scanner = new Scanner(new StringReader(yaml));
            stream.Load(new Parser(scanner));
        }
        catch (YamlException ex)
        {
            throw new EditionImportException(fileName, firstLine - 1 + (int)ex.Start.Line, $"the front matter is not valid YAML: {FirstLine(ex.Message)}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections ("title: [unclosed").
            throw new EditionImportException(fileName, firstLine - 1 + UnclosedLine(yaml, (int)scanner.CurrentPosition.Line),
                "the front matter is not valid YAML: a [ or { is never closed");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return Empty;
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new EditionImportException(fileName, firstLine, "the front matter must be a list of 'key: value' lines");
        }
        int LineOf(YamlNode node) => firstLine - 1 + (int)node.Start.Line;
        string? Scalar(string key)
        {
            if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                return null;
            }
            return node is YamlScalarNode scalar
                ? scalar.Value?.Trim() is { Length: > 0 } value ? value : null
                : throw new EditionImportException(fileName, LineOf(node), $"front matter '{key}' must be a single value");
        }
        YamlNode? NodeOf(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        return new FrontMatter(
            Scalar("title"),
            Scalar("date") is { } date ? ParseDate(fileName, LineOf(NodeOf("date")!), date) : null,
            Scalar("language") is { } language ? ParseLanguage(fileName, LineOf(NodeOf("language")!), language) : null,
            Scalar("url") is { } url ? ParseUrl(fileName, LineOf(NodeOf("url")!), url) : null,
            NodeOf("authors") is { } authors ? ParseAuthors(fileName, authors, LineOf) : []);
    }

    /// <summary>Reads the YAML as events, before any document is built, and refuses what the document model cannot
    /// take safely: anchors and aliases (an alias inside its own anchor, used as a key, makes the model hash forever
    /// and overflow the stack), keys that are lists or maps, and deep nesting.</summary>
    private static void Screen(string fileName, Parser parser, int firstLine)
    {
        var open = new Stack<Collection>();
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            var line = firstLine - 1 + (int)current.Start.Line;
            switch (current)
            {
                case AnchorAlias alias:
                    throw new EditionImportException(fileName, line, $"the front matter uses an alias (*{alias.Value}): write the value out instead");
                case NodeEvent { Anchor.IsEmpty: false } node:
                    throw new EditionImportException(fileName, line, $"the front matter uses an anchor (&{node.Anchor}): write the value out instead");
                case SequenceEnd or MappingEnd:
                    open.Pop();
                    continue;
                case not NodeEvent:
                    continue;
            }
            if (open.TryPeek(out var parent) && parent.IsMapping)
            {
                if (parent.ExpectsKey && current is SequenceStart or MappingStart)
                {
                    throw new EditionImportException(fileName, line, "a front matter key must be a word, not a list or a map");
                }
                parent.ExpectsKey = !parent.ExpectsKey;
            }
            if (current is SequenceStart or MappingStart)
            {
                if (open.Count >= ImportLimits.MaxFrontMatterNesting)
                {
                    throw new EditionImportException(fileName, line, $"the front matter is nested too deeply (over {ImportLimits.MaxFrontMatterNesting} levels)");
                }
                open.Push(new Collection(current is MappingStart));
            }
        }
    }

    private sealed class Collection(bool isMapping)
    {
        public bool IsMapping { get; } = isMapping;
        public bool ExpectsKey { get; set; } = isMapping;
    }

    private static DateOnly ParseDate(string fileName, int line, string text)
    {
        var mention = DateFinder.Whole(text);
        if (mention?.DoesNotExist == true)
        {
            throw new EditionImportException(fileName, line, $"the date \"{text}\" does not exist");
        }
        return mention?.Date
            ?? throw new EditionImportException(fileName, line, $"\"{text}\" is not a date (write it as 2020-03-06 or \"6 mars 2020\")");
    }

    private static string ParseLanguage(string fileName, int line, string text)
    {
        var code = text.Split('-', '_')[0].ToLowerInvariant();
        return code is "fr" or "en"
            ? code
            : throw new EditionImportException(fileName, line, $"language \"{text}\" is not supported (use fr or en)");
    }

    private static Uri ParseUrl(string fileName, int line, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new EditionImportException(fileName, line, $"url \"{text}\" is not an absolute http(s) address");

    private static List<Author> ParseAuthors(string fileName, YamlNode node, Func<YamlNode, int> lineOf)
    {
        var items = node switch
        {
            YamlSequenceNode sequence => sequence.Children.ToList(),
            YamlScalarNode scalar => scalar.Value?.Split(',').Select(n => (YamlNode)new YamlScalarNode(n.Trim())).ToList() ?? [],
            _ => throw new EditionImportException(fileName, lineOf(node), "front matter 'authors' must be a list"),
        };
        var authors = new List<Author>();
        foreach (var item in items)
        {
            switch (item)
            {
                case YamlScalarNode { Value: { Length: > 0 } name }:
                    authors.Add(new Author(name.Trim(), null));
                    break;
                case YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("name"), out var name) && name is YamlScalarNode { Value: { Length: > 0 } value }:
                    var role = map.Children.TryGetValue(new YamlScalarNode("role"), out var r) && r is YamlScalarNode { Value: { Length: > 0 } roleText } ? roleText.Trim() : null;
                    authors.Add(new Author(value.Trim(), role));
                    break;
                default:
                    throw new EditionImportException(fileName, lineOf(item), "each author needs a name (name: …, role: …)");
            }
        }
        return authors;
    }

    private static string FirstLine(string message)
    {
        var text = message.Split('\n')[0].Trim();
        var closing = text.IndexOf("): ", StringComparison.Ordinal);
        return text.StartsWith('(') && closing > 0 ? text[(closing + 3)..] : text;
    }
}
