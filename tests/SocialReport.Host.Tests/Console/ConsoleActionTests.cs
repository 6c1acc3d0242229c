using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core.Archive;
using SocialReport.Core.Delivery;

namespace SocialReport.Host.Tests.Console;

/// <summary>What a signed-in editor does in the console, over HTTP, on the engine the chat commands use, and the logs it leaves.</summary>
public sealed class ConsoleActionTests : IDisposable
{
    /// <summary>An edition that says nowhere when it was published.</summary>
    internal const string Undated = """
        ---
        title: Social Report
        language: fr
        ---

        Une édition d’essai envoyée depuis la console.

        ## La console publie
        Tags: console

        Un éditeur publie depuis son navigateur, rapporte [Le Monde](https://www.lemonde.fr/pixels/).
        """;

    private readonly ConsoleSite _site = new();

    public void Dispose() => _site.Dispose();

    internal static MultipartFormDataContent Edition(string text, string? date = null, bool asFile = true)
    {
        var form = new MultipartFormDataContent();
        if (asFile) form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", "edition.md");
        else form.Add(new StringContent(text), "text");
        form.Add(new StringContent("markdown"), "format");
        if (date is not null) form.Add(new StringContent(date), "date");
        return form;
    }

    [Fact]
    public async Task An_undated_edition_is_previewed_then_published_with_its_date_and_the_editor_is_logged()
    {
        var client = (await _site.SignInAsync()).Client;

        using var preview = await client.PostAsync("/console/api/preview", Edition(Undated, asFile: false));
        var previewed = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.True(previewed.GetProperty("dateMissing").GetBoolean());
        Assert.Contains(previewed.GetProperty("channels").EnumerateArray(), c => c.GetProperty("channel").GetString() == "telegram");

        using var undated = await client.PostAsync("/console/api/publish", Edition(Undated));
        Assert.Equal(HttpStatusCode.BadRequest, undated.StatusCode);
        Assert.True((await undated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dateMissing").GetBoolean());

        using var published = await client.PostAsync("/console/api/publish", Edition(Undated, "2021-01-08"));
        var result = await published.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var id = result.GetProperty("edition").GetString()!;
        Assert.Equal("added", result.GetProperty("outcome").GetString());
        Assert.NotNull(_site.Services.GetRequiredService<IEditionArchive>().Get(id));
        Assert.Contains(_site.Logs.WithId(1102), line => line.Contains(id, StringComparison.Ordinal) && line.Contains(ConsoleSite.EditorId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broadcast_is_planned_confirmed_and_followed_to_its_end_and_recorded_with_the_editor()
    {
        _site.Subscribe(5);
        var client = (await _site.SignInAsync()).Client;

        using var plan = await client.PostAsJsonAsync("/console/api/broadcasts/plan", new { edition = "2020-03-13", lang = "en" });
        var planned = await plan.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        Assert.True(planned.GetProperty("awaitsConfirmation").GetBoolean());
        Assert.Equal(5, planned.GetProperty("toSend").GetInt32());
        Assert.Contains("Confirm with the button", planned.GetProperty("text").GetString(), StringComparison.Ordinal);

        using var confirm = await client.PostAsJsonAsync("/console/api/broadcasts/confirm", new { });
        var started = await confirm.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var broadcastId = started.GetProperty("broadcast").GetString()!;

        var events = await ReadEventsAsync(client, broadcastId).WaitAsync(TimeSpan.FromSeconds(60));
        var done = JsonDocument.Parse(events[^1].Data).RootElement;
        Assert.Equal("done", events[^1].Name);
        Assert.Equal("completed", done.GetProperty("state").GetString());
        Assert.Equal(5, done.GetProperty("sent").GetInt32());
        Assert.Equal(5, _site.Sender.Received.Count(r => r.EndsWith(":2020-03-13", StringComparison.Ordinal)));
        Assert.Equal(ConsoleSite.EditorId, _site.Services.GetRequiredService<IDeliveryLedger>().Get(broadcastId)!.RequestedBy);
        Assert.Contains(_site.Logs.WithId(1103), line => line.Contains(broadcastId, StringComparison.Ordinal) && line.Contains(ConsoleSite.EditorId, StringComparison.Ordinal));

        using var again = await client.PostAsJsonAsync("/console/api/broadcasts/confirm", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_running_broadcast_is_cancelled_from_the_console()
    {
        _site.Subscribe(3);
        _site.Sender.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = (await _site.SignInAsync()).Client;
        using (await client.PostAsJsonAsync("/console/api/broadcasts/plan", new { edition = "2020-03-20" })) { }
        using var confirm = await client.PostAsJsonAsync("/console/api/broadcasts/confirm", new { });
        var broadcastId = (await confirm.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("broadcast").GetString()!;
        await _site.Sender.FirstCall.Task.WaitAsync(TimeSpan.FromSeconds(60));

        using var cancel = await client.PostAsJsonAsync("/console/api/broadcasts/cancel", new { id = broadcastId });
        _site.Sender.Gate.TrySetResult();

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var events = await ReadEventsAsync(client, broadcastId).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("cancelled", JsonDocument.Parse(events[^1].Data).RootElement.GetProperty("state").GetString());
        Assert.Contains(_site.Logs.WithId(1104), line => line.Contains(broadcastId, StringComparison.Ordinal) && line.Contains(ConsoleSite.EditorId, StringComparison.Ordinal));
        using var unknown = await client.PostAsJsonAsync("/console/api/broadcasts/cancel", new { id = broadcastId });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_schedule_is_read_in_the_editors_zone_listed_and_cancelled()
    {
        var client = (await _site.SignInAsync()).Client;

        using var add = await client.PostAsJsonAsync("/console/api/schedules", new { edition = "2020-03-27", local = "2099-03-06T09:00", timeZone = "Europe/Paris" });
        var schedule = await add.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        Assert.Equal("2099-03-06T08:00:00Z", schedule.GetProperty("dueAt").GetString());
        var id = schedule.GetProperty("id").GetString()!;
        var pending = await client.GetFromJsonAsync<JsonElement>("/console/api/schedules");
        Assert.Contains(pending.EnumerateArray(), s => s.GetProperty("id").GetString() == id && s.GetProperty("requestedBy").GetString() == ConsoleSite.EditorId);
        Assert.Contains(_site.Logs.WithId(1105), line => line.Contains(id, StringComparison.Ordinal) && line.Contains(ConsoleSite.EditorId, StringComparison.Ordinal));

        using var cancel = await client.PostAsJsonAsync("/console/api/schedules/cancel", new { id });
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.DoesNotContain((await client.GetFromJsonAsync<JsonElement>("/console/api/schedules")).EnumerateArray(), s => s.GetProperty("id").GetString() == id);
        Assert.Contains(_site.Logs.WithId(1106), line => line.Contains(id, StringComparison.Ordinal) && line.Contains(ConsoleSite.EditorId, StringComparison.Ordinal));

        using var past = await client.PostAsJsonAsync("/console/api/schedules", new { edition = "2020-03-27", local = "2001-03-06T09:00", timeZone = "Europe/Paris" });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        using var zone = await client.PostAsJsonAsync("/console/api/schedules", new { edition = "2020-03-27", local = "2099-03-06T09:00", timeZone = "Mars/Olympus" });
        Assert.Equal(HttpStatusCode.BadRequest, zone.StatusCode);
    }

    [Fact]
    public async Task Hostile_input_to_every_console_endpoint_leaves_the_host_up()
    {
        var client = (await _site.SignInAsync()).Client;
        var texts = HostileText.Text.Array[12, 12].Single();
        foreach (var text in texts.Append(HostileText.HugeWord.Single()).Append(new string('{', 20_000)))
        {
            using var preview = await client.PostAsync("/console/api/preview", Edition(text, asFile: false));
            using var publish = await client.PostAsync("/console/api/publish", Edition(text, "2021-02-05"));
            using var plan = await client.PostAsJsonAsync("/console/api/broadcasts/plan", new { edition = text, force = true, lang = text });
            using var cancel = await client.PostAsJsonAsync("/console/api/broadcasts/cancel", new { id = text });
            using var schedule = await client.PostAsJsonAsync("/console/api/schedules", new { edition = text, local = text, timeZone = text });
            using var unschedule = await client.PostAsJsonAsync("/console/api/schedules/cancel", new { id = text });
            using var raw = await client.PostAsync("/console/api/broadcasts/plan", new StringContent(text, Encoding.UTF8, "application/json"));
            using var events = await client.GetAsync($"/console/api/broadcasts/{Uri.EscapeDataString(text[..Math.Min(text.Length, 300)])}/events");
            foreach (var response in new[] { preview, publish, plan, cancel, schedule, unschedule, raw, events })
                Assert.True((int)response.StatusCode < 500 || response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.RequestMessage?.RequestUri}: {response.StatusCode}");
        }
        using var huge = await client.PostAsync("/console/api/broadcasts/plan", new StringContent(new string('a', 100_000), Encoding.UTF8, "application/json"));
        // Kestrel answers 413 (RequestSizeLimit); the test server, which has no such limit, gets as far as the JSON and refuses it.
        Assert.Contains(huge.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest });

        using var alive = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    /// <summary>The server-sent events of a broadcast until its <c>done</c> event.</summary>
    internal static async Task<List<(string Name, string Data)>> ReadEventsAsync(HttpClient client, string broadcastId)
    {
        using var response = await client.GetAsync($"/console/api/broadcasts/{Uri.EscapeDataString(broadcastId)}/events?lang=en", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<(string, string)>();
        string? name = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add((name!, line["data: ".Length..]));
                if (name == "done") break;
            }
        }
        return events;
    }
}
