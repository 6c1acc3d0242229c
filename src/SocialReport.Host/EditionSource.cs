using SocialReport.Core.Commands;

namespace SocialReport.Host;

/// <summary>Loads an edition an editor names: an https address, or a local path from the console only.</summary>
internal sealed class EditionSource(HttpClient http) : IEditionSource
{
    private const int MaxBytes = 2 * 1024 * 1024;

    public async Task<Attachment> LoadAsync(string pathOrUrl, bool allowLocalPath, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
            return await DownloadAsync(url, cancellationToken);
        if (!allowLocalPath)
            throw new EditionSourceException("only an attached file or an https address can be published from a chat");
        var file = new FileInfo(pathOrUrl);
        if (!file.Exists) throw new EditionSourceException($"{pathOrUrl}: file not found");
        if (file.Length > MaxBytes) throw new EditionSourceException($"{pathOrUrl}: over 2 MB");
        return new Attachment(file.Name, await File.ReadAllBytesAsync(file.FullName, cancellationToken));
    }

    private async Task<Attachment> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode) throw new EditionSourceException($"{url}: HTTP {(int)response.StatusCode}");
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
            var name = Path.GetFileName(url.AbsolutePath);
            return new Attachment(string.IsNullOrEmpty(name) ? "edition.html" : name, buffer.ToArray());
        }
        catch (HttpRequestException e)
        {
            throw new EditionSourceException($"{url}: {e.Message}");
        }
    }
}
