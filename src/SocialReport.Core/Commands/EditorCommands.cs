using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using SocialReport.Core.Archive;
using SocialReport.Core.Cards;
using SocialReport.Core.Delivery;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>/publish, /preview and /stats (/broadcast is <see cref="BroadcastCommands"/>): refused by the engine to anyone not on the editors' list.</summary>
public sealed class EditorCommands(
    EditionImporter importer,
    IEditionArchive archive,
    EditionPublisher publisher,
    IChatStore chats,
    IEditionSource source,
    BroadcastService broadcasts,
    BroadcastScheduler scheduler,
    ILogger<EditorCommands> logger) : ICommandHandler
{
    public IReadOnlyCollection<string> Names { get; } = ["publish", "preview", "stats"];
    public bool EditorsOnly => true;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken) => context.Command.Name switch
    {
        "publish" => await PublishAsync(context, cancellationToken),
        "preview" => await PreviewAsync(context, cancellationToken),
        _ => Stats(context),
    };

    private async Task<Reply> PublishAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var say = context.Say;
        var (edition, error) = await ImportAsync(context, cancellationToken);
        if (edition is null) return CommandEngine.Notice(context.Language, error ?? say.PublishUsage);

        var result = publisher.Publish(edition);
        var date = DateText.Format(edition.Date, context.Language);
        if (result.Outcome == PublishOutcome.Unchanged)
            return CommandEngine.Notice(context.Language, say.Format(say.Unchanged, date));
        logger.EditionPublished(result.EditionId, result.Outcome, result.Revision, context.Inbound.Chat.Channel, context.Inbound.Sender.Id);
        var headline = result.Outcome == PublishOutcome.Added
            ? say.Format(say.Published, date, say.Count(edition.Stories.Count, say.Stories))
            : say.Format(say.Revised, date, result.Revision);
        return Preview(context, edition, headline);
    }

    private async Task<Reply> PreviewAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Inbound.Attachment is not null)
        {
            var (draft, error) = await ImportAsync(context, cancellationToken);
            return draft is null ? CommandEngine.Notice(context.Language, error!) : Preview(context, draft, null);
        }
        var id = context.Command.Arguments;
        var edition = id.Length == 0 ? archive.Latest() : archive.Get(id);
        return edition is null
            ? CommandEngine.Notice(context.Language, id.Length == 0 ? context.Say.EmptyArchive : context.Say.EditionNotFound)
            : Preview(context, edition, null);
    }

    private static Reply Preview(CommandContext context, Edition edition, string? headline)
    {
        var cards = new List<Card>();
        if (headline is not null) cards.Add(new NoticeCard { Language = context.Language, Text = headline });
        cards.Add(CardFactory.Cover(edition, context.Language));
        cards.AddRange(edition.Stories.Select(s => CardFactory.Story(edition, s.Number, context.Language)));
        return new Reply(cards);
    }

    private async Task<(Edition? Edition, string? Error)> ImportAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var say = context.Say;
        try
        {
            var file = context.Inbound.Attachment;
            if (file is null && context.Command.Arguments.Length > 0)
                file = await source.LoadAsync(context.Command.Arguments, context.Inbound.Chat.Channel, cancellationToken);
            return file is null ? (null, null) : (importer.Import(file.FileName, file.Content), null);
        }
        catch (EditionImportException e)
        {
            return (null, say.Format(say.ImportFailed, e.Message));
        }
        catch (EditionSourceException e)
        {
            return (null, say.Format(say.ImportFailed, e.Message));
        }
    }

    private Reply Stats(CommandContext context)
    {
        var say = context.Say;
        var text = new StringBuilder();
        foreach (var group in chats.CountByState().Where(c => c.Count > 0).GroupBy(c => c.Channel).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var states = group.GroupBy(c => c.State).OrderBy(g => g.Key).Select(s => say.Count(s.Sum(c => c.Count), say.States[s.Key]));
            text.Append(say.Format(say.StatsChannel, group.Key, string.Join(", ", states))).Append("\n\n");
        }
        text.Append(say.Count(archive.Count(), say.Editions));
        var history = broadcasts.History(5);
        if (history.Count > 0)
        {
            text.Append("\n\n").Append(say.StatsBroadcasts);
            foreach (var progress in history) text.Append('\n').Append(BroadcastText.Progress(say, progress).Replace('\n', ' '));
        }
        var pending = scheduler.Pending();
        if (pending.Count > 0)
        {
            text.Append("\n\n").Append(say.StatsSchedules);
            foreach (var schedule in pending)
                text.Append('\n').Append(string.Create(CultureInfo.InvariantCulture, $"{schedule.Id}: {schedule.EditionId} {schedule.DueAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"));
        }
        return CommandEngine.Notice(context.Language, text.ToString(), context.Say.StatsTitle);
    }
}
