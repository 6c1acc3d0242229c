using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Host.Tests.Web;

/// <summary>A broadcast's report for scripts and the console: behind the status token, and the signed CSV link /report gives in Teams.</summary>
public sealed class ReportApiTests : IDisposable
{
    private const string Broadcast = "2099-01-02#1";
    private readonly WebSite _site = WebSite.With(("Web:PublicUrl", "https://bot.example.org/"));

    public ReportApiTests()
    {
        var ledger = _site.Services.GetRequiredService<IDeliveryLedger>();
        var now = DateTimeOffset.UtcNow;
        ledger.Create("2099-01-02", false, DeliveryMode.Edition, "telegram:1", [new ChatKey("telegram", "11"), new ChatKey("telegram", "-1002"), new ChatKey("teams", "a:3")]);
        var rows = ledger.Due(Broadcast, "telegram", DateTimeOffset.MaxValue, 10);
        ledger.Record(rows.Single(r => r.Chat.Id == "11"), new SendOutcome.Sent("7"), now);
        ledger.Record(rows.Single(r => r.Chat.Id == "-1002"), new SendOutcome.Rejected("=HYPERLINK(\"http://evil\")"), now);
    }

    public void Dispose() => _site.Dispose();

    private HttpClient Client(bool signedIn)
    {
        var client = _site.CreateClient();
        if (signedIn) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WebSite.StatusToken);
        return client;
    }

    [Fact]
    public async Task The_csv_of_every_ledger_row_needs_the_status_token_and_defuses_formulas()
    {
        using var anonymous = await Client(signedIn: false).GetAsync("/api/broadcasts/2099-01-02%231/report.csv");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var response = await Client(signedIn: true).GetAsync("/api/broadcasts/2099-01-02%231/report.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ReportCsv.Header, lines[0]);
        Assert.Equal(3, lines.Length - 1);
        Assert.Contains(lines, line => line.StartsWith("2099-01-02#1,2099-01-02,telegram,-1002,unknown,Failed,\"'=HYPERLINK(\"\"http://evil\"\")\"", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("2099-01-02#1,2099-01-02,teams,a:3,unknown,Pending,", StringComparison.Ordinal));

        using var unknown = await Client(signedIn: true).GetAsync("/api/broadcasts/2099-01-09%231/report.csv");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_report_and_the_weekly_totals_are_json_for_the_console()
    {
        using var report = await Client(signedIn: true).GetAsync("/api/broadcasts/2099-01-02%231/report");
        var json = await report.ReadJsonAsync();
        Assert.Equal(1, json.GetProperty("counts").GetProperty("sent").GetInt32());
        Assert.Equal(1, json.GetProperty("counts").GetProperty("failed").GetInt32());

        using var weekly = await Client(signedIn: true).GetAsync("/api/reports/weekly?weeks=4");
        var weeks = (await weekly.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(4, weeks.Count);
        Assert.Equal(1, weeks[^1].GetProperty("sends").GetInt32());
        using var anonymous = await Client(signedIn: false).GetAsync("/api/reports/weekly");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_signed_link_serves_the_csv_without_the_token_and_a_forged_one_gets_404()
    {
        var link = _site.Services.GetRequiredService<IReportLinks>().CsvOf(Broadcast)!;
        Assert.StartsWith("https://bot.example.org/reports/", link.AbsoluteUri, StringComparison.Ordinal);

        using var response = await Client(signedIn: false).GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("report-2099-01-02-1.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(4, (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        using var forged = await Client(signedIn: false).GetAsync(link.PathAndQuery[..^3] + "abc");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }
}
