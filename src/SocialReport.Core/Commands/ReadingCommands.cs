using System.Globalization;
using Microsoft.Extensions.Options;
using SocialReport.Core.Archive;
using SocialReport.Core.Cards;
using SocialReport.Core.Delivery;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Commands;

/// <summary>/latest, /archive and the pager behind the buttons: /cover, /read, /full.</summary>
public sealed class ReadingCommands(IEditionArchive archive, IOptions<CommandsOptions> options, StoryTaps? taps = null) : ICommandHandler
{
    public IReadOnlyCollection<string> Names { get; } = ["latest", "derniere", "archive", "archives", "cover", "read", "full"];
    public bool EditorsOnly => false;

    public Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken) => Task.FromResult(context.Command.Name switch
    {
        "latest" or "derniere" => Latest(context),
        "archive" or "archives" => Archive(context),
        "cover" => Cover(context),
        "read" => Read(context),
        _ => Full(context),
    });

    private Reply Latest(CommandContext context) => archive.Latest() is { } edition
        ? Reply.Of(CardFactory.Cover(edition, context.Language))
        : CommandEngine.Notice(context.Language, context.Say.EmptyArchive);

    private Reply Cover(CommandContext context) => archive.Get(context.Command.Arguments) is { } edition
        ? Reply.Of(CardFactory.Cover(edition, context.Language)) with { EditsOriginal = context.Inbound.FromButton }
        : CommandEngine.Notice(context.Language, context.Say.EditionNotFound);

    private Reply Read(CommandContext context)
    {
        if (FindStory(context.Command.Arguments) is not (Edition edition, Story story)) return CommandEngine.Notice(context.Language, context.Say.StoryNotFound);
        if (context.Inbound.FromButton) taps?.Count(context.Inbound.Chat, edition.Id, story.Number, StoryAction.Tap);
        return Reply.Of(CardFactory.Story(edition, story.Number, context.Language)) with { EditsOriginal = context.Inbound.FromButton };
    }

    private Reply Full(CommandContext context)
    {
        if (FindStory(context.Command.Arguments) is not (Edition edition, Story story)) return CommandEngine.Notice(context.Language, context.Say.StoryNotFound);
        taps?.Count(context.Inbound.Chat, edition.Id, story.Number, StoryAction.Open);
        return new Reply([.. CardFactory.FullStory(edition, story.Number, context.Inbound.MaxMessageChars, context.Language)]);
    }

    /// <summary>"/archive" lists editions newest first; "/archive 2020-03-06" or "/archive 12" (the 12th published) opens one.</summary>
    private Reply Archive(CommandContext context)
    {
        var (words, page) = context.Command.WithPage();
        if (words.Length > 0) return Open(context, words);

        var total = archive.Count();
        if (total == 0) return CommandEngine.Notice(context.Language, context.Say.EmptyArchive);
        var size = options.Value.PageSize;
        var entries = archive.List((page - 1) * size, size);
        var items = entries.Select((entry, i) => new ListItem(
            $"n° {total - (page - 1) * size - i} · {entry.Title}",
            DateText.Format(entry.Date, context.Language),
            CardAction.Run(DateText.Format(entry.Date, context.Language), CardCommands.Cover(entry.EditionId)))).ToList();
        return Paged.List(context, context.Say.ArchiveTitle, items, page, size, total, "/archive");
    }

    private Reply Open(CommandContext context, string words)
    {
        var edition = int.TryParse(words, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? ByNumber(number)
            : archive.Get(words);
        return edition is null
            ? CommandEngine.Notice(context.Language, context.Say.EditionNotFound)
            : Reply.Of(CardFactory.Cover(edition, context.Language));
    }

    /// <summary>Editions are numbered from the first published (n° 1) to the newest.</summary>
    private Edition? ByNumber(int number)
    {
        var total = archive.Count();
        if (number < 1 || number > total) return null;
        var entry = archive.List(total - number, 1).SingleOrDefault();
        return entry is null ? null : archive.Get(entry.EditionId);
    }

    private (Edition, Story)? FindStory(string storyId)
    {
        var slash = storyId.LastIndexOf('/');
        if (slash <= 0 || !int.TryParse(storyId.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return null;
        var edition = archive.Get(storyId[..slash]);
        return edition?.FindStory(number) is { } story ? (edition, story) : null;
    }
}
