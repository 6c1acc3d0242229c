using SocialReport.Core.Editions;
using SocialReport.Core.Search;
using static SocialReport.Core.Tests.Search.StoryBuilder;

namespace SocialReport.Core.Tests.Search;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Searches_run_while_editions_are_indexed_and_never_see_half_a_revision()
    {
        using var index = new LuceneStoryIndex();
        index.Rebuild(SearchArchive.Editions);
        var alpha = Revision("alpha");
        var beta = Revision("beta");
        index.Index(alpha);
        using var stop = new CancellationTokenSource();
        var searches = 0;

        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 60; i++)
            {
                index.Index(i % 2 == 0 ? beta : alpha);
                index.Index(Edition($"2021-01-{i % 28 + 1:00}", "en", Tagged($"Story {i}", "Gamma news.", ["gamma"])));
            }
            stop.Cancel();
        });
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var alphas = index.Topic("alpha", 0, 10).Total;
                var betas = index.Search("beta", 0, 10).Total;
                Assert.Contains(alphas, new[] { 0, 5 });
                Assert.Contains(betas, new[] { 0, 5 });
                Assert.Equal(3, index.Topic("whatsapp", 0, 10).Total);
                Assert.NotEmpty(index.FrequentTopics(3, 3));
                Interlocked.Increment(ref searches);
            }
        })).ToList();

        await Task.WhenAll([writer, .. readers]);

        Assert.True(searches > 0);
        Assert.Equal(5, index.Topic("alpha", 0, 10).Total + index.Topic("beta", 0, 10).Total);
        Assert.Equal(28, index.Topic("gamma", 0, 100).Total);
    }

    private static Edition Revision(string word) =>
        Edition("2020-04-03", "en", [.. Enumerable.Range(1, 5).Select(i => Tagged($"{word} story {i}", $"About {word}.", [word]))]);
}
