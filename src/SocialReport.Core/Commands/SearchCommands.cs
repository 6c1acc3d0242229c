using Microsoft.Extensions.Options;
using SocialReport.Core.Cards;
using SocialReport.Core.Search;

namespace SocialReport.Core.Commands;

/// <summary>/topic and /search over every story in the archive.</summary>
public sealed class SearchCommands(IStoryIndex index, IOptions<CommandsOptions> options) : ICommandHandler
{
    private const int RecentEditions = 8;

    public IReadOnlyCollection<string> Names { get; } = ["topic", "sujet", "search", "recherche", "cherche"];
    public bool EditorsOnly => false;

    public Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var topic = context.Command.Name is "topic" or "sujet";
        var (words, page) = context.Command.WithPage();
        var say = context.Say;
        if (words.Length == 0)
            return Task.FromResult(topic ? FrequentTopics(context) : CommandEngine.Notice(context.Language, say.SearchUsage));

        var size = options.Value.PageSize;
        var results = topic ? index.Topic(words, (page - 1) * size, size) : index.Search(words, (page - 1) * size, size);
        if (results.Total == 0)
            return Task.FromResult(CommandEngine.Notice(context.Language, say.Format(say.NoResults, words)));

        var items = results.Hits.Select(hit => new ListItem(
            hit.Headline,
            DateText.Format(hit.Date, context.Language),
            CardAction.Run(TextCutter.Cut(hit.Headline, CardBudgets.ButtonLabel), CardCommands.Story(hit.StoryId)))).ToList();
        var title = say.Format(topic ? say.TopicTitle : say.SearchTitle, words);
        return Task.FromResult(Paged.List(context, title, items, page, size, results.Total, $"/{(topic ? "topic" : "search")} {words}"));
    }

    private Reply FrequentTopics(CommandContext context)
    {
        var topics = index.FrequentTopics(RecentEditions, 10);
        if (topics.Count == 0) return CommandEngine.Notice(context.Language, context.Say.EmptyArchive);
        var items = topics.Select(t => new ListItem($"#{t.Topic}", $"{t.Stories}", CardAction.Run($"#{t.Topic}", $"/topic {t.Topic}"))).ToList();
        return Reply.Of(new ListCard
        {
            Language = context.Language,
            Title = context.Say.TopicsTitle,
            Items = items,
            Footer = context.Say.TopicsHint,
        });
    }
}
