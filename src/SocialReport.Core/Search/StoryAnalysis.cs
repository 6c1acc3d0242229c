using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace SocialReport.Core.Search;

/// <summary>One word of a query, as each language's analysis chain sees it.</summary>
internal sealed record QueryWord(string French, string English);

/// <summary>
/// The French and English analysis chains. Every story text is indexed through both (fields <c>*.fr</c> and
/// <c>*.en</c>) and every query word is looked up through both, because neither the story's language nor the
/// reader's chat language says which language a word is in: French stories are full of English terms
/// ("influencers", "live-streaming") and readers search in either language.
/// </summary>
internal sealed class StoryAnalysis : IDisposable
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
    public const int MaxQueryWords = 32;

    // Folding runs before the stop filter (so "a" and "à" are both stopped), hence folded stop sets.
    private static readonly CharArraySet FrenchStopWords = Folded(FrenchAnalyzer.DefaultStopSet);
    private static readonly CharArraySet EnglishStopWords = Folded(EnglishAnalyzer.DefaultStopSet);

    private readonly Analyzer _words = Analyzer.NewAnonymous((_, reader) => new TokenStreamComponents(new StandardTokenizer(Version, reader)));

    public Analyzer French { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES); // l' and l’ alike
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, FrenchStopWords);
        stream = new FrenchLightStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    public Analyzer English { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, EnglishStopWords);
        stream = new EnglishMinimalStemFilter(stream); // plurals only: mild enough to run over French text too
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>The analyzer for indexing: each field picks its chain by its language suffix.</summary>
    public Analyzer ForFields(IEnumerable<string> frenchFields, IEnumerable<string> englishFields)
    {
        var byField = frenchFields.Select(f => KeyValuePair.Create(f, French))
            .Concat(englishFields.Select(f => KeyValuePair.Create(f, English)))
            .ToDictionary();
        return new PerFieldAnalyzerWrapper(French, byField);
    }

    /// <summary>
    /// The words of a query. A word that either chain drops (a stop word in either language) is left out, so
    /// "la stratégie de l'Europe" asks for "stratégie" and "europe" only; punctuation and Lucene syntax
    /// characters are no words at all.
    /// </summary>
    public IReadOnlyList<QueryWord> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var words = new List<QueryWord>();
        foreach (var word in Terms(_words, text).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var french = Terms(French, word);
            var english = Terms(English, word);
            if (french.Count == 1 && english.Count == 1)
                words.Add(new QueryWord(french[0], english[0]));
            if (words.Count == MaxQueryWords)
                break;
        }
        return words.Distinct().ToList();
    }

    private static List<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("query", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    private static CharArraySet Folded(CharArraySet words)
    {
        var folded = words.Select(word =>
        {
            var output = new char[word.Length * 4];
            var length = ASCIIFoldingFilter.FoldToASCII(word.ToCharArray(), 0, output, 0, word.Length);
            return new string(output, 0, length);
        });
        return new CharArraySet(Version, folded.ToList(), ignoreCase: false).AsReadOnly();
    }

    public void Dispose()
    {
        _words.Dispose();
        French.Dispose();
        English.Dispose();
    }
}
