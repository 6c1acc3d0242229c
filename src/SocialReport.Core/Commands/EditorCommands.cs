using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using SocialReport.Core.Archive;
using SocialReport.Core.Cards;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>/publish, /preview, /stats and /broadcast: refused by the engine to anyone not on the editors' list.</summary>
public sealed class EditorCommands(
    EditionImporter importer,
    IEditionArchive archive,
    EditionPublisher publisher,
    IChatStore chats,
    IEditionSource source,
    ILogger<EditorCommands> logger) : ICommandHandler
{
    public IReadOnlyCollection<string> Names { get; } = ["publish", "preview", "stats", "broadcast"];
    public bool EditorsOnly => true;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken) => context.Command.Name switch
    {
        "publish" => await PublishAsync(context, cancellationToken),
        "preview" => await PreviewAsync(context, cancellationToken),
        "stats" => Stats(context),
        _ => Broadcast(context),
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
        logger.LogInformation("Edition {Edition} {Outcome} (revision {Revision}) by {Channel} user {Sender}",
            result.EditionId, result.Outcome, result.Revision, context.Inbound.Chat.Channel, context.Inbound.Sender.Id);
        var headline = result.Outcome == PublishOutcome.Added
            ? say.Format(say.Published, date, edition.Stories.Count)
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
                file = await source.LoadAsync(context.Command.Arguments, context.Inbound.Chat.Channel == "console", cancellationToken);
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
        var text = new StringBuilder();
        foreach (var group in chats.CountByState().Where(c => c.Count > 0).GroupBy(c => c.Channel).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(group.Key).Append(": ");
            text.AppendJoin(", ", group.GroupBy(c => c.State).OrderBy(g => g.Key)
                .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Sum(c => c.Count)} {s.Key.ToString().ToLowerInvariant()}")));
            text.Append("\n\n");
        }
        text.Append(string.Create(CultureInfo.InvariantCulture, $"{archive.Count()} editions"));
        return CommandEngine.Notice(context.Language, text.ToString(), context.Say.StatsTitle);
    }

    private Reply Broadcast(CommandContext context)
    {
        var say = context.Say;
        var id = context.Command.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var edition = id is null ? archive.Latest() : archive.Get(id);
        if (edition is null) return CommandEngine.Notice(context.Language, id is null ? say.EmptyArchive : say.EditionNotFound);

        var audience = chats.CountByState().Where(c => c.State == SubscriptionState.Active && c.Channel is not ("console" or "web")).ToList();
        var text = new StringBuilder(say.Format(say.BroadcastDryRun, DateText.Format(edition.Date, context.Language), audience.Sum(c => c.Count)));
        foreach (var c in audience.OrderBy(c => c.Channel, StringComparer.Ordinal).ThenBy(c => c.Kind))
            text.Append("\n\n").Append(string.Create(CultureInfo.InvariantCulture, $"{c.Channel} · {c.Kind.ToString().ToLowerInvariant()}: {c.Count}"));
        return CommandEngine.Notice(context.Language, text.ToString());
    }
}
