using System.Globalization;
using SocialReport.Core.Editions;

namespace SocialReport.Testing.Storage;

public static class TestEditions
{
    /// <summary>An edition using every field: unicode, null and non-null URLs and roles, tags and derived topics.</summary>
    public static Edition Full(string id = "2020-03-06") => new()
    {
        Id = id,
        Title = "The Social Report — L’Europe & les réseaux 🇪🇺",
        Date = new DateOnly(2020, 3, 6),
        Language = "fr",
        Url = new Uri("https://example.com/social-report/2020-03-06?utm_source=bot&x=é#top"),
        Authors =
        [
            new Author("Ambre Limousi", "Senior International News Editor, Division Media"),
            new Author("Gwenaëlle Lepeltier", "Chef de Projet Editorial - Revues de Presse, Division Media"),
            new Author("Nouhaila Drissi", null),
        ],
        Intro = "Bonjour à tous,\n\nCette semaine : « l’Europe » dévoile sa stratégie. <b>&amp;</b> 日本語 \"quotes\"",
        Stories =
        [
            new Story
            {
                Id = $"{id}/1",
                Headline = "L’Europe dévoile sa stratégie digitale pendant la tournée européenne de Mark Zuckerberg",
                Text = "Premier paragraphe.\n\nSecond paragraphe avec un espace insécable\u00a0: oui.",
                Sources = [new Source("Le Monde", new Uri("https://www.lemonde.fr/article?id=1&b=2")), new Source("La Croix", null)],
                Topics = ["europe", "facebook"],
                Tags = [],
            },
            new Story
            {
                Id = $"{id}/2",
                Headline = "WhatsApp franchit la barre des 2 milliards d’utilisateurs 🎉",
                Text = "Un texte.",
                Sources = [],
                Topics = ["whatsapp"],
                Tags = ["whatsapp"],
            },
        ],
    };

    /// <summary>A small edition for a date, with a marker in its text so a revision can differ.</summary>
    public static Edition Weekly(DateOnly date, string language = "fr", string text = "Texte.", int stories = 2)
    {
        var id = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Edition
        {
            Id = id,
            Title = $"The Social Report {id}",
            Date = date,
            Language = language,
            Stories = [.. Enumerable.Range(1, stories).Select(n => new Story
            {
                Id = $"{id}/{n}",
                Headline = $"Story {n} of {id}",
                Text = text,
            })],
        };
    }

    public static void AssertSame(Edition expected, Edition? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Date, actual.Date);
        Assert.Equal(expected.Language, actual.Language);
        Assert.Equal(expected.DateSource, actual.DateSource);
        Assert.Equal(expected.Url?.OriginalString, actual.Url?.OriginalString);
        Assert.Equal(expected.Authors, actual.Authors);
        Assert.Equal(expected.Intro, actual.Intro);
        Assert.Equal(expected.Stories.Count, actual.Stories.Count);
        foreach (var (e, a) in expected.Stories.Zip(actual.Stories))
        {
            Assert.Equal(e.Id, a.Id);
            Assert.Equal(e.Headline, a.Headline);
            Assert.Equal(e.Text, a.Text);
            Assert.Equal(e.Sources.Select(s => (s.Name, s.Url?.OriginalString)), a.Sources.Select(s => (s.Name, s.Url?.OriginalString)));
            Assert.Equal(e.Topics, a.Topics);
            Assert.Equal(e.Tags, a.Tags);
        }
    }
}
