using SocialReport.Core.Cards;

namespace SocialReport.Core.Commands;

/// <summary>A page of a longer list, with a "more" button carrying the next page's command.</summary>
internal static class Paged
{
    public static Reply List(CommandContext context, string title, IReadOnlyList<ListItem> items, int page, int size, int total, string command)
    {
        var say = context.Say;
        var first = (page - 1) * size + 1;
        var last = first + items.Count - 1;
        var actions = last < total
            ? [[CardAction.Run(say.More, $"{command} page:{page + 1}")]]
            : Array.Empty<IReadOnlyList<CardAction>>();
        var card = new ListCard
        {
            Language = context.Language,
            Title = title,
            Items = items,
            Footer = say.Format(say.Range, first, last, total),
            Actions = actions,
        };
        return Reply.Of(card) with { EditsOriginal = context.Inbound.FromButton && page > 1 };
    }
}
