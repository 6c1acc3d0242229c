using System.Net;

namespace SocialReport.Host.Tests.Web;

/// <summary>The privacy and terms pages the Teams manifest links to are the operator's files, served as they are.</summary>
public sealed class OperatorPagesTests
{
    [Fact]
    public async Task Privacy_and_terms_are_served_from_the_configured_files()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.File("privacy.html"), "<h1>Confidentialité</h1><p>Nous gardons votre identifiant de chat.</p>");
        await File.WriteAllTextAsync(directory.File("terms.txt"), "Conditions d’utilisation : lisez, partagez.");
        await using var site = WebSite.With(("Web:PrivacyFile", directory.File("privacy.html")), ("Web:TermsFile", directory.File("terms.txt")));
        using var client = site.CreateClient();

        using var privacy = await client.GetAsync("/privacy");
        using var terms = await client.GetAsync("/terms");

        Assert.Equal(HttpStatusCode.OK, privacy.StatusCode);
        Assert.Equal("text/html", privacy.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Confidentialité</h1>", await privacy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, terms.StatusCode);
        Assert.Equal("text/plain", terms.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Conditions d’utilisation : lisez, partagez.", await terms.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_file_or_with_a_missing_one_the_pages_are_not_found()
    {
        using var directory = new TempDirectory();
        await using var site = WebSite.With(("Web:TermsFile", directory.File("nowhere.html")));
        using var client = site.CreateClient();

        using var privacy = await client.GetAsync("/privacy");
        using var terms = await client.GetAsync("/terms");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (privacy.StatusCode, terms.StatusCode));
    }
}
