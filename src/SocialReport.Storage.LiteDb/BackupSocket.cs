using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SocialReport.Storage.LiteDb;

/// <summary>
/// How the <c>backup</c> verb reaches the host that has the LiteDB file open: a Unix domain socket beside the file
/// (<c>socialreport.db.sock</c>, readable and writable by the host's user only). The verb sends the backup's full path
/// on one line; the host answers <c>ok &lt;bytes&gt;</c> or <c>error &lt;reason&gt;</c> once the copy is made.
/// One request at a time; a request is at most 4 KiB, read within 10 seconds.
/// </summary>
public sealed class BackupSocket(LiteDbStore store, TimeProvider time, ILogger<BackupSocket> logger) : BackgroundService
{
    private const int MaxLine = 4096;
    private static readonly TimeSpan ReadBudget = TimeSpan.FromSeconds(10);

    public static string PathOf(string dataFile) => dataFile + ".sock";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = PathOf(store.FilePath);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            // Left by a host that was killed: this one holds the file's lock, so no other host listens there.
            File.Delete(path);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            listener.Listen(4);
        }
        catch (Exception e) when (e is SocketException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            logger.BackupSocketUnavailable(path, e.Message);
            return;
        }
        try
        {
            while (true)
            {
                using var client = await listener.AcceptAsync(stoppingToken);
                await AnswerAsync(client, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task AnswerAsync(Socket client, CancellationToken stoppingToken)
    {
        await using var stream = new NetworkStream(client);
        string reply;
        try
        {
            string file;
            using (var budget = new CancellationTokenSource(ReadBudget, time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, stoppingToken))
                file = await ReadLineAsync(stream, linked.Token);
            if (!Path.IsPathFullyQualified(file)) throw new InvalidDataException("the backup's path must be absolute");
            var bytes = await Task.Run(() => store.BackUp(file), stoppingToken);
            logger.BackedUp(file, bytes);
            reply = "ok " + bytes.ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or LiteException or SocketException
            || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            logger.BackupRequestRefused(e.Message);
            reply = "error " + e.Message.ReplaceLineEndings(" ");
        }
        try
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(reply + "\n"), stoppingToken);
        }
        catch (IOException)
        {
            // The verb went away; the backup, if made, stays.
        }
    }

    /// <summary>Asks the host that has <paramref name="dataFile"/> open to back it up to <paramref name="file"/>; the copy's size in bytes.</summary>
    /// <exception cref="SocketException">No host listens beside the file.</exception>
    /// <exception cref="IOException">The host refused or failed (its reason).</exception>
    public static async Task<long> AskAsync(string dataFile, string file, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(file);
        if (target.Contains('\n', StringComparison.Ordinal)) throw new IOException("the backup's path has a line break");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(PathOf(dataFile)), cancellationToken);
        await using var stream = new NetworkStream(socket);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(target + "\n"), cancellationToken);
        var reply = await ReadLineAsync(stream, cancellationToken);
        return reply.StartsWith("ok ", StringComparison.Ordinal)
            ? long.Parse(reply.AsSpan(3), CultureInfo.InvariantCulture)
            : throw new IOException(reply.StartsWith("error ", StringComparison.Ordinal) ? reply[6..] : "no answer from the host");
    }

    /// <summary>One line of UTF-8, without its line break; at most <see cref="MaxLine"/> bytes.</summary>
    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxLine];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length, 1), cancellationToken);
            if (read == 0) break;
            if (buffer[length] == (byte)'\n') return Encoding.UTF8.GetString(buffer, 0, length);
            length++;
        }
        throw new InvalidDataException(length == buffer.Length ? "the line is too long" : "the line ended early");
    }
}
