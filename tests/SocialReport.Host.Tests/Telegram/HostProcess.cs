using System.Diagnostics;
using System.Globalization;
using SocialReport.Storage.LiteDb;
using SocialReport.Telegram.Tests.Fake;

namespace SocialReport.Host.Tests.Telegram;

/// <summary>The host as its own process (<c>dotnet SocialReport.Host.dll serve</c>) against a fake Bot API, on a LiteDB file.</summary>
internal static class HostProcess
{
    /// <summary>Writes <paramref name="readers"/> as active private subscribers into the database file and the fake.</summary>
    public static void Subscribe(FakeTelegramServer fake, string database, IEnumerable<long> readers)
    {
        using var store = new LiteDbStore(database);
        TelegramReaders.Subscribe(fake, new LiteDbChatStore(store), readers);
    }

    /// <summary>Starts the host polling the fake, with <paramref name="editor"/> as its Telegram editor and <paramref name="settings"/> on top.</summary>
    public static Process Start(FakeTelegramServer fake, string database, long editor, IReadOnlyDictionary<string, string>? settings = null)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "SocialReport.Host.dll");
        var start = new ProcessStartInfo("dotnet", [host, "serve", "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Telegram__BotToken"] = fake.Token;
        start.Environment["Telegram__ApiBaseUrl"] = fake.BaseUrl;
        start.Environment["Telegram__PollingTimeoutSeconds"] = "2";
        start.Environment["Storage__Path"] = database;
        start.Environment["Storage__SeedDirectory"] = RepositoryFiles.Editions;
        start.Environment["Admins__Telegram__0"] = editor.ToString(CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start)!;
        // Drained so that a full pipe never blocks the host.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
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

    public static async Task StopAsync(Process process)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }
}
