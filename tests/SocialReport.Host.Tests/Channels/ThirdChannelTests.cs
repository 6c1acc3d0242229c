using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.Host.Cli;
using SocialReport.Host.Tests.Commands;

namespace SocialReport.Host.Tests.Channels;

/// <summary>
/// A channel the host has never heard of (<see cref="FaxChannel"/>, written in this project only) is broadcast to, previewed on
/// the site and rendered by the CLI once its registration is added to the host's services: nothing in the core or the host
/// names a channel.
/// </summary>
public sealed class ThirdChannelTests
{
    private const string Editor = "0144556677";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Its_editor_broadcasts_to_its_readers_at_its_own_pace()
    {
        var machine = new FaxMachine();
        await using var bot = await BotUnderTest.StartAsync(builder => builder.Services.AddFax(machine),
            ("Admins:Fax:0", Editor), ("Delivery:Fax:Burst", "20"));
        var readers = Enumerable.Range(0, 10).Select(i => $"01000000{i:00}").ToList();
        foreach (var reader in readers) bot.Chats.Save(TestChats.Subscriber(FaxChannel.Name, reader));

        // Its pacing: its own defaults, under Delivery:Fax.
        var pacing = bot.Services.GetRequiredService<IOptions<DeliveryOptions>>().Value.ForChannel(FaxChannel.Name);
        Assert.Equal((500.0, 20, "1/1s"), (pacing.MessagesPerSecond, pacing.Burst, pacing.PerChat));
        Assert.Equal(500, bot.Services.GetRequiredService<DeliveryPacers>().For(FaxChannel.Name).ConfiguredRate, 6);

        var editor = new ChatKey(FaxChannel.Name, Editor);
        var plan = (await bot.AskInAsync(editor, ChatKind.Private, Editor, "/broadcast 2020-03-06")).NoticeText();
        Assert.Contains("fax : 10 privées", plan, StringComparison.Ordinal);
        var received = machine.ReceivedAsync(readers.Count);
        Assert.Contains("2020-03-06#1", (await bot.AskInAsync(editor, ChatKind.Private, Editor, "/confirm")).NoticeText(), StringComparison.Ordinal);
        await received.WaitAsync(Guard);

        Assert.Equal(readers, machine.Received.Select(r => r.Number).Order(StringComparer.Ordinal));
        Assert.All(machine.Received, r => Assert.Equal("2020-03-06", r.EditionId));
        // Its editors are editors there, and only the host's console may name a local file.
        Assert.Contains("only an attached file or an https address", (await bot.AskInAsync(editor, ChatKind.Private, Editor, $"/publish {RepositoryFiles.Seed}")).NoticeText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Its_editor_ids_are_checked_by_its_own_rule()
    {
        await using var bot = await BotUnderTest.StartAsync(builder => builder.Services.AddFax(new FaxMachine()));
        var validator = bot.Services.GetRequiredService<IValidateOptions<EditorsOptions>>();

        var result = validator.Validate(null, new EditorsOptions { ["Fax"] = [Editor, "<your fax number>"] });

        Assert.Equal(["Admins:Fax: \"<your fax number>\" is not a fax number (10 digits)."], result.Failures);
    }

    [Fact]
    public async Task The_site_previews_it_with_its_budgets()
    {
        var directory = Directory.CreateTempSubdirectory("socialreport-fax-").FullName;
        try
        {
            await using var site = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseSetting("Storage:Path", Path.Combine(directory, "bot.db"));
                web.UseSetting("Storage:SeedDirectory", RepositoryFiles.Editions);
                web.UseSetting("Storage:SeedSamples", "true");
                web.ConfigureTestServices(services => services.AddFax(new FaxMachine()));
            });
            using var client = site.CreateClient();

            var preview = await client.GetFromJsonAsync<JsonElement>("/api/editions/2020-03-06/preview");

            var channels = preview.GetProperty("channels").EnumerateArray().ToList();
            Assert.Equal(["telegram", "teams", "fax", "text"], channels.Select(c => c.GetProperty("channel").GetString()));
            var messages = channels[2].GetProperty("messages").EnumerateArray().ToList();
            Assert.Equal(["cover", "story", "story", "story", "story"], messages.Select(m => m.GetProperty("kind").GetString()).Take(5));
            foreach (var message in messages)
            {
                var budget = Assert.Single(message.GetProperty("budgets").EnumerateArray());
                Assert.Equal(("page", FaxChannel.PageChars, "characters"),
                    (budget.GetProperty("name").GetString(), budget.GetProperty("limit").GetInt32(), budget.GetProperty("unit").GetString()));
                Assert.Equal(message.GetProperty("payload").GetProperty("page").GetString()!.Length, budget.GetProperty("used").GetInt32());
                Assert.Empty(message.GetProperty("problems").EnumerateArray());
            }
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task The_cli_renders_it()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var command = CommandLine.Build(builder => builder.Services.AddFax(new FaxMachine()));

        var exit = await command.Parse(["render", RepositoryFiles.Seed, "--channel", FaxChannel.Name, "--json"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false });

        Assert.Equal((0, ""), (exit, errors.ToString()));
        var messages = JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray().ToList();
        Assert.Equal("cover", messages[0].GetProperty("kind").GetString());
        Assert.Contains("Social Report · 6 mars 2020", messages[0].GetProperty("page").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, messages.Count(m => m.GetProperty("kind").GetString() == "story"));
    }
}
