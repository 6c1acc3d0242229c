namespace SocialReport.Core.Editions;

/// <summary>Outlets common in French and English media reviews; configuration adds more.</summary>
internal static class DefaultOutlets
{
    public static IReadOnlyList<Outlet> All { get; } =
    [
        new("Le Monde"), new("Le Figaro"), new("Libération", ["Libé"]), new("Les Echos"), new("La Croix"),
        new("L'ADN"), new("Viuz"), new("Blog du Modérateur", ["BDM"]), new("Luxe Infinity"),
        new("BFM", ["BFMTV", "BFM TV", "BFM Business"]), new("France Info", ["Franceinfo"]), new("20 Minutes", ["20minutes"]),
        new("Le Parisien"), new("L'Express"), new("Le Point"), new("Challenges", [], CommonWord: true),
        new("Stratégies", [], CommonWord: true), new("CB News"), new("e-marketing.fr", ["e-marketing"]), new("Influencia"),
        new("Numerama"), new("Frandroid"), new("Siècle Digital"), new("Les Numériques"), new("Journal du Net", ["JDN"]),
        new("Presse Citron", ["Presse-citron"]), new("Konbini"), new("Le Journal du Geek"), new("L'Usine Digitale"),
        new("Le Nouvel Obs", ["L'Obs", "Nouvel Observateur"]), new("Ouest-France"), new("Mediapart"), new("Les Inrocks"),
        new("Courrier International"), new("Télérama"), new("Marianne", [], CommonWord: true), new("Le HuffPost", ["HuffPost", "Huffington Post"]),
        new("Radio France"), new("RTL"), new("Europe 1"), new("AFP"), new("Maddyness"), new("Fredzone"),
        new("TechCrunch"), new("The Verge"), new("Wired", [], CommonWord: true), new("Reuters"), new("Bloomberg"),
        new("The Guardian"), new("BBC", ["BBC News"]), new("The New York Times", ["New York Times", "NYT"]),
        new("The Washington Post", ["Washington Post"]), new("Financial Times"), new("CNBC"), new("CNN"), new("Axios"),
        new("Business Insider"), new("Social Media Today"), new("Adweek"), new("Digiday"), new("The Information", [], CommonWord: true),
        new("Engadget"), new("Mashable"), new("The Wall Street Journal", ["Wall Street Journal", "WSJ"]), new("Forbes"),
        new("Fast Company"), new("Ad Age", ["Advertising Age"]), new("Campaign", [], CommonWord: true), new("The Drum"),
        new("Marketing Week"), new("Platformer"), new("Vox"), new("Recode"), new("Politico"), new("The Atlantic"),
        new("Associated Press"), new("Search Engine Journal"), new("Ars Technica"), new("ZDNet"), new("VentureBeat"),
    ];
}
