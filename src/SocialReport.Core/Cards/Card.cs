using SocialReport.Core.Editions;

namespace SocialReport.Core.Cards;

/// <summary>
/// A button under a card. Either a <see cref="Command"/> the channel sends back to the command engine when the
/// reader taps it (Telegram callback data, Teams Action.Submit), or a <see cref="Url"/> to open.
/// </summary>
public sealed record CardAction(string Label, string? Command = null, Uri? Url = null)
{
    public static CardAction Run(string label, string command) => new(label, Command: command);
    public static CardAction Open(string label, Uri url) => new(label, Url: url);
}

/// <summary>What the core asks a channel to show; channel renderers decide how.</summary>
public abstract record Card
{
    /// <summary>The interface language of the labels (<c>fr</c> or <c>en</c>).</summary>
    public required string Language { get; init; }
    /// <summary>Rows of buttons, top to bottom.</summary>
    public IReadOnlyList<IReadOnlyList<CardAction>> Actions { get; init; } = [];
    /// <summary><c>cover</c>, <c>story</c>, <c>full</c>, <c>list</c> or <c>notice</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>The visitor's method for this kind of card.</summary>
    public abstract T Accept<T>(ICardVisitor<T> visitor);
}

public sealed record Headline(int Number, string Text)
{
    /// <summary>About a topic the reader follows: listed first and marked.</summary>
    public bool Followed { get; init; }
}

/// <summary>The first thing a reader sees of an edition.</summary>
public sealed record CoverCard : Card
{
    public required string EditionId { get; init; }
    public required string Title { get; init; }
    /// <summary>Written out in the edition's language: "6 mars 2020".</summary>
    public required string DateText { get; init; }
    /// <summary>The intro, shortened to the cover budget.</summary>
    public required string Intro { get; init; }
    public required IReadOnlyList<Headline> Headlines { get; init; }
    /// <summary>"Par Ambre Limousi, Gwenaëlle Lepeltier et Nouhaila Drissi", or null when no editor is known.</summary>
    public string? Editors { get; init; }
    public Uri? Url { get; init; }
    /// <summary>On a broadcast's cover: how to leave ("/stop to unsubscribe"), in the reader's language.</summary>
    public string? Leave { get; init; }
    public override string Kind => "cover";
    public override T Accept<T>(ICardVisitor<T> visitor) => visitor.Cover(this);
}

/// <summary>One story, short enough to read in ten seconds.</summary>
public sealed record StoryCard : Card
{
    public required string StoryId { get; init; }
    public required int Number { get; init; }
    public required int Total { get; init; }
    public required string Headline { get; init; }
    /// <summary>The first sentences within the summary budget, ending with "…" when cut.</summary>
    public required string Summary { get; init; }
    public required IReadOnlyList<Source> Sources { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
    public Uri? EditionUrl { get; init; }
    public override string Kind => "story";
    public override T Accept<T>(ICardVisitor<T> visitor) => visitor.Story(this);
}

/// <summary>One part of a story's full text, split to fit the channel.</summary>
public sealed record StoryPartCard : Card
{
    public required string StoryId { get; init; }
    public required string Headline { get; init; }
    public required int Part { get; init; }
    public required int Parts { get; init; }
    /// <summary>Plain text; paragraphs separated by a blank line.</summary>
    public required string Text { get; init; }
    public override string Kind => "full";
    public override T Accept<T>(ICardVisitor<T> visitor) => visitor.Part(this);
}

/// <summary>A short list: search results, topics, past editions.</summary>
public sealed record ListCard : Card
{
    public required string Title { get; init; }
    public required IReadOnlyList<ListItem> Items { get; init; }
    /// <summary>A line under the list, e.g. "1–5 of 12".</summary>
    public string? Footer { get; init; }
    public override string Kind => "list";
    public override T Accept<T>(ICardVisitor<T> visitor) => visitor.List(this);
}

/// <param name="Text">The line itself, e.g. a headline.</param>
/// <param name="Detail">A secondary line, e.g. the edition date.</param>
/// <param name="Open">What tapping the item does, if anything.</param>
public sealed record ListItem(string Text, string? Detail = null, CardAction? Open = null);

/// <summary>Plain words: welcome, help, refusals, confirmations.</summary>
public sealed record NoticeCard : Card
{
    public string? Title { get; init; }
    /// <summary>Plain text; paragraphs separated by a blank line.</summary>
    public required string Text { get; init; }
    public override string Kind => "notice";
    public override T Accept<T>(ICardVisitor<T> visitor) => visitor.Notice(this);
}
