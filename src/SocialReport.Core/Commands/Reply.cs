using SocialReport.Core.Cards;

namespace SocialReport.Core.Commands;

/// <summary>What the engine answers: cards to show, and whether they replace the message whose button was tapped.</summary>
public sealed record Reply(IReadOnlyList<Card> Cards)
{
    /// <summary>Paging: the first card replaces the message the button was on (Telegram editMessageText).</summary>
    public bool EditsOriginal { get; init; }

    public static Reply Of(params Card[] cards) => new(cards);
}
