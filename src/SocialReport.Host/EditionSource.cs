using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using SocialReport.Core.Commands;

namespace SocialReport.Host;

/// <summary>Loads an edition an editor names: an https address, or a local path from the console only. A download
/// reaches only public addresses (<see cref="EditionDownloadHandler"/>), follows at most three redirects, each to
/// https and checked again, stops at 2 MB and at its time budget. Errors name the address and the reason, never
/// what the server sent.</summary>
internal sealed class EditionSource(HttpClient http, IOptions<EditionDownloadOptions> options, TimeProvider time) : IEditionSource
{
    private const int MaxBytes = 2 * 1024 * 1024;
    private const int MaxRedirects = 3;

    public async Task<Attachment> LoadAsync(string pathOrUrl, string channel, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
        {
            if (url.Scheme != "https") throw new EditionSourceException($"{url}: only https addresses are downloaded");
            return await DownloadAsync(url, cancellationToken);
        }
        // Only whoever runs the host's own console may read its files.
        if (channel != ConsoleChat.Channel)
            throw new EditionSourceException("only an attached file or an https address can be published from a chat");
        var file = new FileInfo(pathOrUrl);
        if (!file.Exists) throw new EditionSourceException($"{pathOrUrl}: file not found");
        if (file.Length > MaxBytes) throw new EditionSourceException($"{pathOrUrl}: over 2 MB");
        return new Attachment(file.Name, await File.ReadAllBytesAsync(file.FullName, cancellationToken));
    }

    private async Task<Attachment> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        var budget = options.Value.Budget;
        using var expiry = new CancellationTokenSource(budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        var address = url;
        var redirects = 0;
        try
        {
            while (true)
            {
                using var response = await http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                if (IsRedirect(response.StatusCode))
                {
                    if (++redirects > MaxRedirects) throw new EditionSourceException($"{url}: more than {MaxRedirects} redirects");
                    address = response.Headers.Location is { } location
                        ? new Uri(address, location)
                        : throw new EditionSourceException($"{url}: a redirect without an address");
                    if (address.Scheme != "https") throw new EditionSourceException($"{url}: redirected to an address that is not https");
                    continue;
                }
                if (!response.IsSuccessStatusCode) throw new EditionSourceException($"{url}: HTTP {(int)response.StatusCode}");
                var content = await ReadAsync(url, response, linked.Token);
                var name = Path.GetFileName(address.AbsolutePath);
                return new Attachment(string.IsNullOrEmpty(name) ? "edition.html" : name, content);
            }
        }
        catch (OperationCanceledException) when (expiry.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new EditionSourceException($"{url}: not downloaded within {budget.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException e)
        {
            throw new EditionSourceException($"{url}: {Reason(e, redirects)}");
        }
    }

    private static async Task<byte[]> ReadAsync(Uri url, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > MaxBytes) throw new EditionSourceException($"{url}: over 2 MB");
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw new EditionSourceException($"{url}: over 2 MB");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>In words of our own: an exception's message may carry what the server sent. Where a redirect led is the
    /// server's word too, so only the editor's own address is named.</summary>
    private static string Reason(HttpRequestException e, int redirects) => e.InnerException switch
    {
        AddressRefusedException when redirects > 0 => "refused: a redirect leads to an address that is not public",
        AddressRefusedException refused => $"refused: {refused.Message}",
        _ => e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "the name does not resolve",
            HttpRequestError.ConnectionError => "no connection to the server",
            HttpRequestError.SecureConnectionError => "no secure connection (certificate refused?)",
            _ => "the download failed",
        },
    };
}
