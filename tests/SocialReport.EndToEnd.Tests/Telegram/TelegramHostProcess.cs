using System.Globalization;
using SocialReport.Storage.LiteDb;
using SocialReport.Testing.Telegram;

namespace SocialReport.EndToEnd.Tests.Telegram;

/// <summary>The host as its own process (<c>dotnet SocialReport.Host.dll serve</c>) against a fake Bot API, on a LiteDB file.</summary>
internal static class TelegramHostProcess
{
    /// <summary>Writes <paramref name="readers"/> as active private subscribers into the database file and the fake.</summary>
    public static void Subscribe(FakeTelegramServer fake, string database, IEnumerable<long> readers)
    {
        using var store = new LiteDbStore(database);
        TelegramReaders.Subscribe(fake, new LiteDbChatStore(store), readers);
    }

    /// <summary>Starts the host polling the fake, with <paramref name="editor"/> as its Telegram editor and <paramref name="settings"/> on top; returns once it listens.</summary>
    public static Task<ServedHost> StartAsync(FakeTelegramServer fake, string database, long editor, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Telegram:BotToken"] = fake.Token,
            ["Telegram:ApiBaseUrl"] = fake.BaseUrl,
            ["Telegram:PollingTimeoutSeconds"] = "2",
            ["Storage:SeedDirectory"] = RepositoryFiles.Editions,
            ["Storage:SeedSamples"] = "true",
            ["Admins:Telegram:0"] = editor.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        return HostProcess.ServeAsync(database, all);
    }

    /// <summary>The editor asks for the broadcast of <paramref name="edition"/> and presses Confirm once the plan is there.</summary>
    public static async Task ConfirmBroadcastAsync(FakeTelegramServer fake, long editor, string edition)
    {
        await fake.WaitUntilAsync(() => fake.RequestCount("getUpdates") > 0, TimeSpan.FromSeconds(30), "the host to start");
        fake.SendText(editor, editor, "/broadcast " + edition);
        var plan = (await fake.WaitForSentAsync(editor, 1, TimeSpan.FromSeconds(60)))[0];
        var confirm = plan.AllButtons.Single(b => b.Text == "Confirmer");
        fake.PressButton(editor, editor, plan.MessageId, confirm.CallbackData!);
    }
}
