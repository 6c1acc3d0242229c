using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Delivery;

namespace SocialReport.Host.Tests.Console;

/// <summary>A canary, a recall, a broadcast's report (JSON and CSV) and the weekly totals, from the console, under the editor's session.</summary>
public sealed class ConsoleReportTests : IDisposable
{
    private readonly ConsoleSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_canary_of_5_percent_of_200_readers_sends_to_10_then_to_the_190_others_once_confirmed_never_one_twice()
    {
        _site.Subscribe(200);
        var client = (await _site.SignInAsync()).Client;

        using var plan = await client.PostAsJsonAsync("/console/api/broadcasts/plan", new { edition = "2020-03-13", lang = "en", canary = 5 });
        var planned = await plan.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        Assert.Equal(200, planned.GetProperty("toSend").GetInt32());
        Assert.Equal(10, planned.GetProperty("canarySize").GetInt32());

        using var confirm = await client.PostAsJsonAsync("/console/api/broadcasts/confirm", new { });
        var started = await confirm.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal(5, started.GetProperty("canary").GetInt32());
        var id = started.GetProperty("broadcast").GetString()!;

        var canary = await ConsoleActionTests.ReadEventsAsync(client, id).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("canaryDone", JsonDocument.Parse(canary[^1].Data).RootElement.GetProperty("state").GetString());
        Assert.Equal(10, Sent(id).Count);
        var report = await client.GetFromJsonAsync<JsonElement>($"/console/api/broadcasts/{Uri.EscapeDataString(id)}/report");
        Assert.Equal(10, report.GetProperty("counts").GetProperty("sent").GetInt32());
        Assert.Equal("canaryDone", report.GetProperty("broadcast").GetProperty("state").GetString());
        Assert.Contains(_site.Logs.WithId(1112), line => line.Contains(id, StringComparison.Ordinal) && line.Contains(ConsoleSite.EditorId, StringComparison.Ordinal));

        using var rest = await client.PostAsJsonAsync("/console/api/broadcasts/confirm-canary", new { id });
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        var done = await ConsoleActionTests.ReadEventsAsync(client, id).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("completed", JsonDocument.Parse(done[^1].Data).RootElement.GetProperty("state").GetString());
        var sent = Sent(id);
        Assert.Equal(200, sent.Count);
        Assert.Equal(200, sent.Distinct().Count());
        Assert.Contains(_site.Logs.WithId(1113), line => line.Contains(id, StringComparison.Ordinal) && line.Contains(ConsoleSite.EditorId, StringComparison.Ordinal));

        using var again = await client.PostAsJsonAsync("/console/api/broadcasts/confirm-canary", new { id });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(200, Sent(id).Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    [InlineData(-5)]
    public async Task A_canary_out_of_1_to_50_percent_is_refused(int percent)
    {
        _site.Subscribe(2);
        var client = (await _site.SignInAsync()).Client;
        using var plan = await client.PostAsJsonAsync("/console/api/broadcasts/plan", new { edition = "2020-03-13", canary = percent });
        Assert.Equal(HttpStatusCode.BadRequest, plan.StatusCode);
        using var confirm = await client.PostAsJsonAsync("/console/api/broadcasts/confirm", new { });
        Assert.Equal(HttpStatusCode.Conflict, confirm.StatusCode);
    }

    [Fact]
    public async Task A_broadcast_is_recalled_from_the_console_every_message_deleted_and_the_editor_logged()
    {
        var id = await BroadcastAsync(3, "2020-03-20");
        var client = (await _site.SignInAsync()).Client;

        using var recall = await client.PostAsJsonAsync("/console/api/broadcasts/recall", new { id });
        Assert.Equal(HttpStatusCode.OK, recall.StatusCode);
        Assert.Equal(id, (await recall.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("broadcastId").GetString());
        await _site.Services.GetRequiredService<BroadcastService>().WaitRecallAsync(id).WaitAsync(TimeSpan.FromSeconds(60));

        var status = await client.GetFromJsonAsync<JsonElement>($"/console/api/broadcasts/{Uri.EscapeDataString(id)}/recall");
        Assert.Equal("done", status.GetProperty("state").GetString());
        Assert.Equal(3, status.GetProperty("deleted").GetInt32());
        Assert.Equal(0, status.GetProperty("left").GetInt32());
        Assert.All(_site.Sender.Messages.Values, Assert.True);
        Assert.Contains(_site.Logs.WithId(1114), line => line.Contains(id, StringComparison.Ordinal) && line.Contains(ConsoleSite.EditorId, StringComparison.Ordinal));

        using var unknown = await client.PostAsJsonAsync("/console/api/broadcasts/recall", new { id = "1999-01-01#9" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_report_the_csv_and_the_weekly_totals_need_a_session_and_the_csv_lists_every_ledger_row()
    {
        var id = await BroadcastAsync(4, "2020-03-27");
        var path = $"/console/api/broadcasts/{Uri.EscapeDataString(id)}";
        var anonymous = _site.Browser();
        foreach (var url in new[] { $"{path}/report", $"{path}/report.csv", $"{path}/recall", "/console/api/reports/weekly" })
        {
            using var refused = await anonymous.GetAsync(url);
            Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Redirect });
            Assert.DoesNotContain(id, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var recall = await anonymous.PostAsJsonAsync("/console/api/broadcasts/recall", new { id });
        Assert.Contains(recall.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.BadRequest });
        Assert.Equal(BroadcastRecall.None, _site.Services.GetRequiredService<IDeliveryLedger>().Get(id)!.Recall);

        var client = (await _site.SignInAsync()).Client;
        var report = await client.GetFromJsonAsync<JsonElement>($"{path}/report");
        Assert.Equal(4, report.GetProperty("counts").GetProperty("sent").GetInt32());
        var line = Assert.Single(report.GetProperty("lines").EnumerateArray());
        Assert.Equal(RecordingSender.Name, line.GetProperty("channel").GetString());
        Assert.Equal(4, line.GetProperty("sent").GetInt32());

        using var csv = await client.GetAsync($"{path}/report.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ReportCsv.Header, lines[0]);
        var rows = _site.Services.GetRequiredService<IDeliveryLedger>().Rows(id).ToList();
        Assert.Equal(rows.Count, lines.Length - 1);
        Assert.All(rows, row => Assert.Contains(lines, l => l.Contains(row.Chat.Id, StringComparison.Ordinal)));

        using var missing = await client.GetAsync("/console/api/broadcasts/1999-01-01%239/report.csv");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var weekly = await client.GetFromJsonAsync<JsonElement>("/console/api/reports/weekly");
        Assert.Equal(12, weekly.GetArrayLength());
        Assert.Equal(4, weekly[11].GetProperty("subscribers").GetInt32());
        Assert.Equal(4, weekly[11].GetProperty("sends").GetInt32());
        Assert.True(weekly[11].TryGetProperty("taps", out _));
        Assert.Equal(3, (await client.GetFromJsonAsync<JsonElement>("/console/api/reports/weekly?weeks=3")).GetArrayLength());
    }

    [Fact]
    public async Task Hostile_input_to_the_canary_recall_and_report_endpoints_leaves_the_host_up()
    {
        var client = (await _site.SignInAsync()).Client;
        var texts = HostileText.Text.Array[8, 8].Single();
        foreach (var text in texts.Append(HostileText.HugeWord.Single()))
        {
            var segment = Uri.EscapeDataString(text[..Math.Min(text.Length, 300)]);
            using var plan = await client.PostAsync("/console/api/broadcasts/plan",
                new StringContent($"{{\"edition\":\"2020-03-13\",\"canary\":{JsonSerializer.Serialize(text)}}}", Encoding.UTF8, "application/json"));
            using var canary = await client.PostAsJsonAsync("/console/api/broadcasts/confirm-canary", new { id = text });
            using var recall = await client.PostAsJsonAsync("/console/api/broadcasts/recall", new { id = text });
            using var status = await client.GetAsync($"/console/api/broadcasts/{segment}/recall");
            using var report = await client.GetAsync($"/console/api/broadcasts/{segment}/report");
            using var csv = await client.GetAsync($"/console/api/broadcasts/{segment}/report.csv");
            using var weekly = await client.GetAsync($"/console/api/reports/weekly?weeks={segment}");
            foreach (var response in new[] { plan, canary, recall, status, report, csv, weekly })
                Assert.True((int)response.StatusCode < 500, $"{response.RequestMessage?.RequestUri}: {response.StatusCode}");
        }
        using var huge = await client.GetAsync("/console/api/reports/weekly?weeks=2147483647");
        Assert.Equal(HttpStatusCode.OK, huge.StatusCode);
        using var alive = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    /// <summary>A whole broadcast of the edition to <paramref name="readers"/> new readers, started as chat does; its id once completed.</summary>
    private async Task<string> BroadcastAsync(int readers, string edition)
    {
        _site.Subscribe(readers);
        var broadcasts = _site.Services.GetRequiredService<BroadcastService>();
        var start = await broadcasts.StartAsync(edition, force: false, "test");
        await broadcasts.WaitAsync(start.Broadcast.Id).WaitAsync(TimeSpan.FromSeconds(60));
        return start.Broadcast.Id;
    }

    /// <summary>The chats that got the broadcast's edition.</summary>
    private List<string> Sent(string broadcastId)
    {
        var edition = _site.Services.GetRequiredService<IDeliveryLedger>().Get(broadcastId)!.EditionId;
        return [.. _site.Sender.Received.Where(r => r.EndsWith(":" + edition, StringComparison.Ordinal))];
    }
}
