using SocialReport.Core.Editions;
using SocialReport.Core.Search;
using static SocialReport.Core.Tests.Search.StoryBuilder;

namespace SocialReport.Core.Tests.Search;

/// <summary>
/// Eight editions over six weeks, French and English, around the reference edition of 6 March 2020, indexed
/// once for all read-only tests.
/// </summary>
public sealed class SearchArchive : IDisposable
{
    /// <summary>The reference edition (shared/seeds/social-report-2020-03-06.txt), abridged.</summary>
    public static Edition Seed { get; } = Edition("2020-03-06", "fr",
        Tagged("L’Europe dévoile sa stratégie digitale pendant la tournée européenne de Mark Zuckerberg",
            "Ursula von der Leyen, la présidente de la commission européenne, a présenté, mercredi 19 février – alors que le patron de Facebook était en visite en Europe – la stratégie numérique de l’Europe.\n\n"
            + "Profitant de son déplacement à Bruxelles, Mark Zuckerberg a présenté les grandes lignes de sa vision pour une régulation équilibrée des contenus sur les réseaux sociaux.",
            ["europe", "facebook", "régulation"]),
        Tagged("WhatsApp franchit la barre des 2 milliards d’utilisateurs",
            "Détenue par Facebook, WhatsApp a annoncé, le 12 février, avoir franchi la barre des 2 milliards d’utilisateurs dans le monde, indique Le Monde.\n\n"
            + "L’entreprise insiste beaucoup sur le chiffrement par défaut – et de bout en bout – de chaque message envoyé sur WhatsApp.\n\n"
            + "Mark Zuckerberg veut crypter de la même façon ses autres plateformes, à commencer par Messenger.",
            ["whatsapp", "facebook"],
            new Source("Le Monde", null), new Source("Blog du Modérateur", null), new Source("La Croix", null)),
        Derived("Marketing d’influence, un écosystème à dynamiser",
            "Les influenceurs ont prouvé qu’ils représentent un levier fort dans le processus d’achat et le social commerce.\n\n"
            + "L’arrivée de certains acteurs comme Pinterest et Tik Tok devrait dynamiser cet écosystème. Parmi les positionnements des dircoms sur les réseaux sociaux, celui de l’influence sectorielle serait le plus complexe.",
            ["influence", "marketing"],
            new Source("Viuz", null)),
        Tagged("Dior Makeup Holiday 2020, notre campagne influence coup de cœur",
            "La griffe de luxe Dior lance une expérience de maquillage augmentée, en collaboration avec MNSTR.",
            ["dior", "réalité augmentée"]));

    public static IReadOnlyList<Edition> Editions { get; } =
    [
        Edition("2020-02-07", "fr",
            Tagged("Les influenceurs sous la surveillance de la DGCCRF",
                "Les influenceurs doivent désormais signaler clairement leurs partenariats rémunérés.\n\nLes marques qui les emploient sont aussi responsables.",
                ["influence", "réglementation"]),
            Derived("Snapchat mise sur la réalité augmentée",
                "Snapchat lance de nouvelles lentilles pour les annonceurs et revendique 218 millions d’utilisateurs quotidiens.",
                ["snapchat", "réalité augmentée"]),
            Tagged("TikTok séduit les marques de luxe",
                "Les maisons de luxe multiplient les défis sur TikTok pour toucher la génération Z.",
                ["tiktok", "luxe"])),
        Edition("2020-02-13", "en",
            Tagged("Brands rethink the way they pay influencers",
                "Influencers now negotiate flat fees and performance bonuses.\n\nAgencies say brands want proof of sales.",
                ["influence", "marketing"]),
            Derived("Twitter tests disappearing tweets called Fleets",
                "Fleets vanish after 24 hours, like stories on other networks.",
                ["twitter"]),
            Tagged("LinkedIn passes 675 million members",
                "The professional network keeps growing, driven by video and events.",
                ["linkedin"])),
        Edition("2020-02-14", "fr",
            Tagged("Bruxelles prépare sa stratégie numérique",
                "La Commission veut que l'Europe reprenne la main sur les données industrielles.",
                ["bruxelles", "régulation"]),
            Tagged("Facebook Pay arrive en France",
                "Le paiement entre amis s’installe dans Messenger et Instagram.",
                ["facebook", "paiement"])),
        Edition("2020-02-21", "fr",
            Tagged("Instagram teste la suppression des likes",
                "Après le Canada, la France découvre des publications sans compteur de mentions j’aime.",
                ["instagram"]),
            Tagged("Le RGPD, un modèle pour le monde",
                "Deux ans après son entrée en vigueur, le règlement de l’Europe sur la vie privée inspire la Californie et le Brésil.",
                ["rgpd", "données personnelles"]),
            Tagged("TikTok dans le viseur des autorités américaines",
                "Washington s’inquiète de l’accès de Pékin aux données des adolescents.",
                ["régulation", "chine"])),
        Edition("2020-02-27", "en",
            Tagged("Social networks and the coronavirus",
                "Platforms promote health authorities and remove false cures.",
                ["coronavirus", "social networks"]),
            Derived("Pinterest bets on shopping",
                "Pinterest wants its boards to become shop windows, a lesson learnt from TikTok and Instagram.",
                ["pinterest", "e-commerce"])),
        Seed,
        Edition("2020-03-12", "en",
            Tagged("Messaging apps become the new social networks",
                "Private groups on WhatsApp, Messenger and Telegram now carry much of the news people share.",
                ["messaging"],
                new Source("TechCrunch", new Uri("https://techcrunch.com/"))),
            Tagged("Influencer marketing spending doubles",
                "An influencer campaign now takes a fifth of social budgets.",
                ["influence", "marketing"])),
        Edition("2020-03-13", "fr",
            Tagged("Les réseaux sociaux face au confinement",
                "Les usages explosent, les plateformes adaptent leur modération.",
                ["réseaux sociaux", "coronavirus"]),
            Tagged("Telegram dépasse les 400 millions d’utilisateurs",
                "Le concurrent de WhatsApp mise sur les canaux publics.",
                ["telegram", "messagerie"]),
            Tagged("TikTok, refuge des adolescents confinés",
                "Les défis de danse se multiplient.",
                ["tiktok"])),
    ];

    private readonly LuceneStoryIndex _index = new();

    public SearchArchive() => _index.Rebuild(Editions);

    public IStoryIndex Index => _index;

    public void Dispose() => _index.Dispose();
}
