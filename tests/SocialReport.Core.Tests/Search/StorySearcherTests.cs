using Lucene.Net.Index;
using Lucene.Net.Store;
using SocialReport.Core.Search;
using static SocialReport.Core.Tests.Search.StoryBuilder;

namespace SocialReport.Core.Tests.Search;

public sealed class StorySearcherTests
{
    [Fact]
    public void Terms_kept_are_bounded_and_each_still_finds_its_stories()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(StoryAnalysis.Version, new Lucene.Net.Analysis.Core.KeywordAnalyzer())))
        {
            var edition = Edition("2020-05-01", "en", Tagged("Podcasts", "Listeners.", ["audio"]));
            writer.AddDocument(StoryDocument.From(edition, edition.Stories[0], "hash"));
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new StorySearcher(reader);

        for (var i = 0; i < 10_000; i++)
        {
            var found = searcher.Search(searcher.TermQuery(new Term(StoryDocument.EditionId, i % 2 == 0 ? "2020-05-01" : $"word{i}")), 1).TotalHits;
            Assert.Equal(i % 2 == 0 ? 1 : 0, found);
            Assert.InRange(searcher.KeptTerms, 1, 4096);
        }
    }
}
