using SocialReport.Core.Editions;

namespace SocialReport.Testing;

/// <summary>The reference edition of 6 March 2020, built by hand as the importers should produce it.</summary>
public static class SeedEdition
{
    public const string Id = "2020-03-06";

    public static readonly Uri Url = new("https://social-report.example/2020-03-06");

    public const string Intro =
        "Cette semaine, le Social Report revient sur la présentation de la stratégie digitale européenne et la visite de Mark Zuckerberg en Europe. " +
        "Pendant ce temps, WhatsApp franchit la barre des 2 milliards d’utilisateurs et l’influence marketing se prépare à des nouveaux défis. " +
        "A noter également, notre coup de cœur pour la campagne Dior Makeup Holiday 2020. Bonne lecture !";

    public const string Story1 =
        "Nous vous l’annoncions dans notre Social Report du 14 février, Ursula von der Leyen, la présidente de la commission européenne, a présenté, mercredi 19 février – alors que le patron de Facebook était en visite en Europe – la stratégie numérique de l’Europe, lançant le vieux continent dans la bataille de l’exploitation des données industrielles, «carburant de l’intelligence artificielle».\n\n" +
        "Si les espoirs sont placés sur les données industrielles, c'est parce que la bataille est, selon le commissaire au Marché intérieur Thierry Breton, déjà « perdue » pour les données personnelles. Pas question, pour l’Europe, de rester en plan cette fois-ci ; l’Union européenne entend bien prendre le leadership de cette seconde révolution numérique qui aura lieu dans le domaine industriel. Pour cette vague des données non-personnelles, provenant des applications industrielles ou publiques, notamment l'Internet des objets, l'UE veut prendre le train en marche pour ne pas se faire devancer par les géants américains et chinois. Bruxelles veut notamment créer un marché unique du numérique où pourront se développer des champions européens – la priorité étant mise sur la création d'un puissant cloud européen en fédérant les différentes infrastructures existantes. Un financement de 2 milliards d’euros a d’ailleurs été annoncé par la Commission européenne pour l'ensemble des projets.\n\n" +
        "Spécifiquement, les objectifs du livre blanc sur l’Intelligence Artificielle sont d’établir des règles sur les données et l'intelligence artificielle typiquement européennes – une réglementation qui entend mettre « les gens au premier plan » et favoriser une « technologie digne de confiance ».\n\n" +
        "Plus ou moins au même moment, le patron de Facebook était en pleine tournée européenne. Profitant de son déplacement à Bruxelles, Mark Zuckerberg a présenté les grandes lignes de sa vision pour une régulation équilibrée des contenus sur les réseaux sociaux. « Il me semble que nous devrions avoir plus de responsabilités que n’en ont les opérateurs mais, d’un autre côté, nous ne pouvons pas non plus être traités comme des médias. Il y a plus de 100 millions de messages qui sont publiés quotidiennement sur Facebook ; le modèle des médias serait inapplicable », a-t-il indiqué, plaidant pour la création d'un nouveau statut légal, à mi-chemin entre celui des médias et celui des télécoms. « Ce que nous proposons, c’est un nouveau modèle, avec une approche systémique », a précisé M. Zuckerberg Des idées visiblement peu convaincantes pour la Commission européenne. Ainsi, si, à la sortie d’une réunion avec M. Zuckerberg, le commissaire européen Thierry Breton se félicitait d’avoir eu un « très bon dialogue » avec le patron de Facebook, il menaçait également les plateformes de prendre des « mesures contraignantes » si l’autorégulation échouait.";

    public const string Story2Paragraph1 =
        "Détenue par Facebook, WhatsApp a annoncé, le 12 février, avoir franchi la barre des 2 milliards d’utilisateurs dans le monde, indique Le Monde Un succès reposant notamment sur sa facilité d’utilisation.";

    public const string Story2Paragraph2 =
        "Pour attirer une audience toujours plus grande, l’application mise par ailleurs, alors que les fuites de données se succèdent, sur la protection des données personnelles de ses utilisateurs, note le Blog du Modérateur.";

    public const string Story2 =
        Story2Paragraph1 + "\n\n" + Story2Paragraph2 + "\n\n" +
        "L’entreprise insiste beaucoup sur le chiffrement par défaut – et de bout en bout – de chaque message envoyé sur WhatsApp, une fonctionnalité souvent invisible aux yeux des utilisateurs, relate La Croix « Ce chiffrement sophistiqué agit comme un cadenas numérique inviolable qui préserve les informations que vous envoyez par WhatsApp contre les pirates et les criminels. Les messages sont uniquement conservés sur votre téléphone et personne ne peut ni lire ces derniers ni écouter vos appels, pas même nous », rapporte Le Monde.\n\n" +
        "Mark Zuckerberg veut crypter de la même façon ses autres plateformes, à commencer par Messenger. Une idée qui se heurte notamment aux critiques de nombreux gouvernements qui voudraient garder un accès aux messages pour leurs enquêtes criminelles, ajoute Le Monde. Or, s’époumonent les géants du web, ainsi que l’immense majorité des experts en sécurité informatique, créer une porte dérobée de ce type affaiblirait la sécurité de tous les utilisateurs « Un chiffrement solide est une nécessité de la vie moderne », affirme WhatsApp. « Nous ne ferons aucun compromis sur la sécurité, car cela pourrait exposer nos utilisateurs à certains dangers. » A bon entendeur !";

    public const string Story3 =
        "Les influenceurs ont prouvé qu’ils représentent un levier fort dans le processus d’achat et le social commerce. Entre V-commerce (commerce en réalité augmentée et réalité virtuelle), shoppertainment via le live-streaming ou encore messaging commerce (achat via les messageries), les plateformes sociales vont prouver qu’elles sont devenues indispensables pour générer des ventes, rapporte Viuz dans un article les opportunités dont devrait se saisir l’influence marketing en 2020.\n\n" +
        "L’arrivée ou le renforcement de certains acteurs dans l’influence marketing avec une logique différente de celle des plateformes comme Youtube ou Instagram – comme Pinterest et Tik Tok – devrait également dynamiser cet écosystème sous la menace, toute relative, de Facebook.\n\n" +
        "A la question « Mark Zuckerberg n’envisagerait-il pas de développer pour sa firme de nouveaux services, voire à terme de carrément couper l’accès à ses API aux fournisseurs de solution d’influence marketing ? » Viuz se veut rassurant, estimant que la menace est, pour l’instant, limitée. Pour autant, précise Viuz, il ne faudrait pas sous-estimer la force de frappe du mastodonte social. Il suffirait en effet d’une ou deux acquisitions pour que le tour soit joué.\n\n" +
        "Et les dircoms dans tout cela ? C’est la question à laquelle tente de répondre l’agence Saper Verdere, indique L’ADN. D’une façon générale, les dircoms auraient du mal à faire interagir leur communauté avec leurs contenus. Par ailleurs, parmi les trois positionnements des dircoms sur les réseaux sociaux, celui de l’influence sectorielle (le dircom communicant sur son secteur, ses innovations et ses tendances) serait le plus complexe (voire le moins réussi), et celui de l’ambassadeur interne (portant les messages de son entreprise ou de ses collègues) un peu risqué. Dernier positionnement repéré : l’expert en communication (prouvant maîtrise de son métier et de ses tendances) !";

    public const string Story4 =
        "Pour la célébration de sa ligne Dior Makeup Holiday 2020, la griffe de luxe Dior lance une expérience de maquillage augmentée, en collaboration avec MNSTR. Il s’agit d’un filtre en réalité augmentée – co-créé par Peter Philips, directeur de la création et de l’image du Makeup Dior, et Inès Alpha, artiste 3D Makeup – qui servira d’esquisse pour permettre à la marque d’apporter une amélioration à sa nouvelle ligne de maquillage.\n\n" +
        "Si la beauté augmentée était surtout utilisée pour répliquer ou mimer la réalité, pour tester un rouge à lèvre par exemple, ou pour apporter des modifications à un visage pour en grossir les lèvres ou en lisser la peau, a expliqué Perrine Lizé, directrice générale et co-fondatrice de MNSTR, MNSTR a proposé à Dior Makeup d’innover en se servant de cette technologie au service de l’expression personnelle et créative. La beauté augmentée permet de se lancer dans une exploration artistique, allant des inspirations futuristes, jusqu’à l’autodérision. Le maquillage augmenté a donc été utilisé pour donner vie aux imaginaires et peaufiner le look Dior Makeup Holiday 2020. Selon Guillaume Carrère, directeur du planning stratégique de MNSTR, la réalité augmentée se met au service de l’histoire que les gens souhaitent exprimer d’eux-mêmes.\n\n" +
        "Une info repérée pour vous sur Luxe Infinity !";

    public static readonly Uri LeMonde = new("https://www.lemonde.fr/pixels/article/2020/02/12/whatsapp-franchit-la-barre-des-2-milliards-d-utilisateurs_6029310_4408996.html");

    public static readonly Uri BlogDuModerateur = new("https://www.blogdumoderateur.com/whatsapp-2-milliards-utilisateurs/?utm_source=social&utm_medium=report");

    public static Edition Build(Uri? url = null, bool withUrl = true) => new()
    {
        Id = Id,
        Title = "Social Report",
        Date = new DateOnly(2020, 3, 6),
        Language = "fr",
        Url = withUrl ? url ?? Url : null,
        Authors =
        [
            new Author("Ambre Limousi", "Senior International News Editor, Division Media"),
            new Author("Gwenaëlle Lepeltier", "Chef de Projet Editorial - Revues de Presse, Division Media"),
            new Author("Nouhaila Drissi", null),
        ],
        Intro = Intro,
        Stories =
        [
            new Story
            {
                Id = $"{Id}/1",
                Headline = "L’Europe dévoile sa stratégie digitale pendant la tournée européenne de Mark Zuckerberg",
                Text = Story1,
                Topics = ["facebook", "mark zuckerberg", "commission européenne", "intelligence artificielle"],
            },
            new Story
            {
                Id = $"{Id}/2",
                Headline = "WhatsApp franchit la barre des 2 milliards d’utilisateurs",
                Text = Story2,
                Sources = [new Source("Le Monde", LeMonde), new Source("Blog du Modérateur", BlogDuModerateur), new Source("La Croix", null)],
                Topics = ["whatsapp", "chiffrement", "facebook"],
            },
            new Story
            {
                Id = $"{Id}/3",
                Headline = "Marketing d’influence, un écosystème à dynamiser",
                Text = Story3,
                Sources = [new Source("Viuz", null), new Source("L’ADN", null)],
                Topics = ["influence", "instagram", "youtube", "pinterest", "tiktok", "facebook"],
                Tags = ["influence"],
            },
            new Story
            {
                Id = $"{Id}/4",
                Headline = "Dior Makeup Holiday 2020, notre campagne influence coup de cœur",
                Text = Story4,
                Sources = [new Source("Luxe Infinity", null)],
                Topics = ["dior", "réalité augmentée"],
            },
        ],
    };
}
