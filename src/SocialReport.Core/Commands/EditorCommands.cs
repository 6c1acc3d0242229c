using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using SocialReport.Core.Archive;
using SocialReport.Core.Cards;
using SocialReport.Core.Delivery;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>/publish, /preview, /stats and /unpublish (/broadcast is <see cref="BroadcastCommands"/>): refused by the engine to anyone not on the editors' list.</summary>
public sealed class EditorCommands(
    EditionImporter importer,
    IEditionArchive archive,
    EditionPublisher publisher,
    IChatStore chats,
    IEditionSource source,
    BroadcastService broadcasts,
    BroadcastScheduler scheduler,
    UndatedEditions undated,
    TimeProvider time,
    ILogger<EditorCommands> logger) : ICommandHandler
{
    public IReadOnlyCollection<string> Names { get; } = ["publish", "preview", "stats", "unpublish"];
    public bool EditorsOnly => true;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken) => context.Command.Name switch
    {
        "publish" => await PublishAsync(context, cancellationToken),
        "preview" => await PreviewAsync(context, cancellationToken),
        "unpublish" => await UnpublishAsync(context, cancellationToken),
        _ => Stats(context),
    };

    private async Task<Reply> PublishAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var say = context.Say;
        var request = PublishRequest.Parse(context.Command.Arguments);
        var today = Today();
        if (request.BadDate) return CommandEngine.Notice(context.Language, say.Format(say.PublishDateUsage, IsoDate(today)));
        var (file, loadError) = await LoadAsync(context, request.Target, cancellationToken);
        if (file is null && request.MentionsDate) file = undated.Get(context.Inbound.Chat);
        if (file is null)
            return CommandEngine.Notice(context.Language, loadError ?? (request.MentionsDate ? say.PublishNothingWaiting : say.PublishUsage));
        if (request.MentionsDate && request.Date is null)
        {
            undated.Keep(context.Inbound.Chat, file);
            return CommandEngine.Notice(context.Language, say.Format(say.PublishDateUsage, IsoDate(today)));
        }

        var (edition, error) = Import(context, file, request.Date);
        if (edition is null && error is null)
        {
            // No date anywhere: show what readers would get, dated today for now, and ask.
            undated.Keep(context.Inbound.Chat, file);
            var (draft, draftError) = Import(context, file, today);
            return draft is null
                ? CommandEngine.Notice(context.Language, draftError!)
                : new Reply([AskForDate(context, today), .. Preview(context, draft, null).Cards]);
        }
        if (edition is null) return CommandEngine.Notice(context.Language, error!);
        undated.Forget(context.Inbound.Chat);

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

    private static NoticeCard AskForDate(CommandContext context, DateOnly today) => new()
    {
        Language = context.Language,
        Text = context.Say.Format(context.Say.PublishNoDate, DateText.Format(today, context.Language)),
        Actions = [[CardAction.Run(context.Say.ThisWeekLabel, $"/publish date {IsoDate(today)}"), CardAction.Run(context.Say.ChooseDateLabel, "/publish date")]],
    };

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<Reply> PreviewAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Inbound.Attachment is not null)
        {
            var (file, loadError) = await LoadAsync(context, "", cancellationToken);
            var (draft, error) = Import(context, file!, null);
            if (draft is null && error is null) (draft, error) = Import(context, file!, Today());
            return draft is null ? CommandEngine.Notice(context.Language, loadError ?? error!) : Preview(context, draft, null);
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

    /// <summary>The attached file, else the one the target names; null with the reason when it cannot be had.</summary>
    private async Task<(Attachment? File, string? Error)> LoadAsync(CommandContext context, string target, CancellationToken cancellationToken)
    {
        if (context.Inbound.Attachment is { } attachment) return (attachment, null);
        if (target.Length == 0) return (null, null);
        try
        {
            return (await source.LoadAsync(target, context.Inbound.Chat.Channel, cancellationToken), null);
        }
        catch (EditionSourceException e)
        {
            return (null, context.Say.Format(context.Say.ImportFailed, e.Message));
        }
    }

    /// <summary>The edition, or the reason it was refused; both null when only its date is missing.</summary>
    private (Edition? Edition, string? Error) Import(CommandContext context, Attachment file, DateOnly? date)
    {
        try
        {
            return (importer.Import(file.FileName, file.Content, new EditionHints { Date = date }), null);
        }
        catch (EditionImportException e) when (e.DateMissing)
        {
            return (null, null);
        }
        catch (EditionImportException e)
        {
            return (null, context.Say.Format(context.Say.ImportFailed, e.Message));
        }
    }

    /// <summary>Removes an edition from the archive, the search and /latest; refused while it is being broadcast.</summary>
    private async Task<Reply> UnpublishAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var say = context.Say;
        var id = context.Command.Arguments.Trim();
        if (id.Length == 0 || id.Contains(' ', StringComparison.Ordinal)) return CommandEngine.Notice(context.Language, say.UnpublishUsage);
        var edition = archive.Get(id);
        if (edition is null) return CommandEngine.Notice(context.Language, say.EditionNotFound);
        var date = DateText.Format(edition.Date, context.Language);
        var running = await broadcasts.UnlessBroadcastingAsync(id, () => publisher.Unpublish(id), cancellationToken);
        if (running is not null) return CommandEngine.Notice(context.Language, say.Format(say.UnpublishBroadcasting, date, running.Id, id));
        logger.EditionUnpublished(id, context.Inbound.Chat.Channel, context.Inbound.Sender.Id);
        return CommandEngine.Notice(context.Language, say.Format(say.Unpublished, date));
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
