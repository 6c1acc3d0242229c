namespace SocialReport.Core.Cards;

/// <summary>A length window for shortened text: cut at a sentence end at or after <see cref="Min"/>, never beyond <see cref="Max"/>.</summary>
public sealed record TextBudget(int Min, int Max);

/// <summary>How much of an edition a card shows, in UTF-16 code units.</summary>
public static class CardBudgets
{
    /// <summary>A story card's summary: readable in ten seconds.</summary>
    public static readonly TextBudget Summary = new(350, 500);

    /// <summary>The intro on the cover, which also carries every headline.</summary>
    public static readonly TextBudget Intro = new(200, 300);

    /// <summary>A headline as shown on cards.</summary>
    public static readonly TextBudget Headline = new(120, 200);

    /// <summary>A button label; phones truncate longer ones anyway.</summary>
    public static readonly TextBudget ButtonLabel = new(10, 30);

    /// <summary>A source's name; real ones are a few words.</summary>
    public static readonly TextBudget SourceName = new(40, 80);

    /// <summary>A topic, shown as a hashtag.</summary>
    public static readonly TextBudget Topic = new(20, 40);

    public const int TopicsMax = 5;

    /// <summary>Buttons per keyboard row; more do not fit a phone.</summary>
    public const int ButtonsPerRow = 5;

    /// <summary>Characters of full text per part when a channel does not say otherwise.</summary>
    public const int FullPartChars = 3800;
}
