using System.Globalization;

namespace SocialReport.Core.Cards;

/// <summary>The labels that are the same in every language: numbers on buttons and headings (words are in <see cref="Commands.Phrases"/>).</summary>
public static class Labels
{
    public static string Previous(int number) => $"◀ {Number(number)}";

    public static string Next(int number) => $"{Number(number)} ▶";

    public static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Before the headline of a story about a topic the reader follows.</summary>
    public const string Followed = "★";

    /// <summary>"2. Headline", or "★ 2. Headline" for a followed story.</summary>
    public static string Headline(Headline headline) =>
        $"{(headline.Followed ? Followed + " " : "")}{Number(headline.Number)}. {headline.Text}";
}
