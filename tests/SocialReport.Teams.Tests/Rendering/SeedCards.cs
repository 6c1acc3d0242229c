using SocialReport.Core.Cards;
using SocialReport.Core.Editions;

namespace SocialReport.Teams.Tests.Rendering;

/// <summary>Cards as the core builds them for the reference edition of 6 March 2020 (written by hand here).</summary>
public static class SeedCards
{
    public const string EditionId = "2020-03-06";
    public static readonly Uri EditionUrl = new("https://www.example.org/social-report/2020-03-06");

    private static readonly (string Headline, string Summary, Source[] Sources, string[] Topics)[] Stories =
    [
        ("L’Europe dévoile sa stratégie digitale pendant la tournée européenne de Mark Zuckerberg",
         "Nous vous l’annoncions dans notre Social Report du 14 février, Ursula von der Leyen, la présidente de la commission européenne, a présenté, mercredi 19 février – alors que le patron de Facebook était en visite en Europe – la stratégie numérique de l’Europe…",
         [new("Le Monde", new Uri("https://www.lemonde.fr/pixels/article/2020/02/19/strategie-numerique.html")), new("Les Echos", null)],
         ["europe", "facebook", "régulation"]),
        ("WhatsApp franchit la barre des 2 milliards d’utilisateurs",
         "Détenue par Facebook, WhatsApp a annoncé, le 12 février, avoir franchi la barre des 2 milliards d’utilisateurs dans le monde, indique Le Monde. Un succès reposant notamment sur sa facilité d’utilisation…",
         [new("Le Monde", new Uri("https://www.lemonde.fr/pixels/article/2020/02/12/whatsapp-2-milliards.html")),
          new("Blog du Modérateur", new Uri("https://www.blogdumoderateur.com/whatsapp-2-milliards/")),
          new("La Croix", new Uri("https://www.la-croix.com/whatsapp-chiffrement"))],
         ["whatsapp", "chiffrement", "facebook"]),
        ("Marketing d’influence, un écosystème à dynamiser",
         "Les influenceurs ont prouvé qu’ils représentent un levier fort dans le processus d’achat et le social commerce.\n\nEntre V-commerce, shoppertainment et messaging commerce, les plateformes sociales vont prouver qu’elles sont devenues indispensables, rapporte Viuz…",
         [new("Viuz", new Uri("https://www.viuz.com/influence-2020")), new("L’ADN", null)],
         ["influence", "marketing"]),
        ("Dior Makeup Holiday 2020, notre campagne influence coup de cœur",
         "Pour la célébration de sa ligne Dior Makeup Holiday 2020, la griffe de luxe Dior lance une expérience de maquillage augmentée, en collaboration avec MNSTR…",
         [new("Luxe Infinity", null)],
         ["dior", "réalité augmentée"]),
    ];

    public static CoverCard Cover(string language = "fr", Uri? url = null, int count = 4) => new()
    {
        Language = language,
        EditionId = EditionId,
        Title = "Social Report",
        DateText = language == "fr" ? "6 mars 2020" : "6 March 2020",
        Intro = "Cette semaine, le Social Report revient sur la présentation de la stratégie digitale européenne et la visite de Mark Zuckerberg en Europe. Pendant ce temps, WhatsApp franchit la barre des 2 milliards d’utilisateurs…",
        Headlines = [.. Enumerable.Range(1, count).Select(n => new Headline(n, Stories[(n - 1) % Stories.Length].Headline))],
        Editors = "Par Ambre Limousi, Gwenaëlle Lepeltier et Nouhaila Drissi",
        Url = url,
        Actions = url is null ? [NumberRow(count)] : [NumberRow(count), [CardAction.Open(language == "fr" ? "Lire l’édition en ligne" : "Read online", url)]],
    };

    public static IReadOnlyList<StoryCard> StoryCards(string language = "fr", Uri? url = null, int count = 4, Func<int, string>? summary = null) =>
        [.. Enumerable.Range(1, count).Select(n => Story(n, count, language, url, summary?.Invoke(n)))];

    public static StoryCard Story(int number, int total = 4, string language = "fr", Uri? url = null, string? summary = null)
    {
        var seed = Stories[(number - 1) % Stories.Length];
        var id = $"{EditionId}/{number}";
        var navigation = new List<CardAction>();
        if (number > 1) navigation.Add(CardAction.Run($"◀ {number - 1}", $"/read {EditionId}/{number - 1}"));
        navigation.Add(CardAction.Run("Sommaire", $"/cover {EditionId}"));
        if (number < total) navigation.Add(CardAction.Run($"{number + 1} ▶", $"/read {EditionId}/{number + 1}"));
        var rows = new List<IReadOnlyList<CardAction>> { navigation, new List<CardAction> { CardAction.Run("Article complet", $"/full {id}") } };
        if (url is not null) rows.Add([CardAction.Open("Lire l’édition en ligne", url)]);
        return new StoryCard
        {
            Language = language,
            StoryId = id,
            Number = number,
            Total = total,
            Headline = seed.Headline,
            Summary = summary ?? seed.Summary,
            Sources = seed.Sources,
            Topics = seed.Topics,
            EditionUrl = url,
            Actions = rows,
        };
    }

    private static List<CardAction> NumberRow(int count) =>
        [.. Enumerable.Range(1, count).Select(n => CardAction.Run(n.ToString(System.Globalization.CultureInfo.InvariantCulture), $"/read {EditionId}/{n}"))];
}
