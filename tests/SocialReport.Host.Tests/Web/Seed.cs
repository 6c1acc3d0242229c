namespace SocialReport.Host.Tests.Web;

/// <summary>What the seed edition (editions/2020-03-06-social-report.txt) is known to hold.</summary>
internal static class Seed
{
    public const string EditionId = "2020-03-06";

    public static readonly string[] Headlines =
    [
        "L’Europe dévoile sa stratégie digitale pendant la tournée européenne de Mark Zuckerberg",
        "WhatsApp franchit la barre des 2 milliards d’utilisateurs",
        "Marketing d’influence, un écosystème à dynamiser",
        "Dior Makeup Holiday 2020, notre campagne influence coup de cœur",
    ];

    public static readonly string[] WhatsAppSources = ["Le Monde", "Blog du Modérateur", "La Croix"];
}
