namespace SocialReport.Core.Cards;

/// <summary>
/// One method per kind of card (<see cref="Card.Accept{T}"/> calls the card's own). Every renderer implements it, so
/// that a new kind of card does not compile until each renderer says how to show it.
/// </summary>
public interface ICardVisitor<out T>
{
    T Cover(CoverCard cover);
    T Story(StoryCard story);
    T Part(StoryPartCard part);
    T List(ListCard list);
    T Notice(NoticeCard notice);
}
