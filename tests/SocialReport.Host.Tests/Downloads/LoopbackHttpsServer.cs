using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace SocialReport.Host.Tests.Downloads;

/// <summary>An https server on 127.0.0.1 with a certificate of its own, playing the sites an editor may name.</summary>
internal sealed class LoopbackHttpsServer : IAsyncDisposable
{
    public const string Edition = "---\ntitle: Social Report\ndate: 2020-04-03\n---\n\n## Instagram lance un mode sombre\n\nInstagram déploie un mode sombre.\n";
    public const string Secret = "server-secret-words";

    private readonly LoopbackServer _server;

    private LoopbackHttpsServer(LoopbackServer server, X509Certificate2 certificate) =>
        (_server, Certificate, Address) = (server, certificate, new Uri(server.BaseUrl));

    public X509Certificate2 Certificate { get; }
    public Uri Address { get; }

    /// <summary>Set once <c>/trickle</c> has sent its headers and the start of a body it never finishes.</summary>
    public TaskCompletionSource Trickling { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri this[string path] => new(Address, path);

    public static async Task<LoopbackHttpsServer> StartAsync()
    {
        var certificate = CreateCertificate();
        LoopbackHttpsServer? server = null;
        server = new LoopbackHttpsServer(await LoopbackServer.StartAsync(context => server!.HandleAsync(context), listen => listen.UseHttps(certificate)), certificate);
        return server;
    }

    /// <summary>The download trusts this server's certificate, and this server only.</summary>
    public bool Trusts(X509Certificate? certificate) => certificate?.GetCertHashString() == Certificate.GetCertHashString();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var response = context.Response;
        switch (path)
        {
            case "/edition.md":
                await response.WriteAsync(Edition);
                break;
            case var hop when hop.StartsWith("/hop/", StringComparison.Ordinal):
                var left = int.Parse(hop["/hop/".Length..], System.Globalization.CultureInfo.InvariantCulture);
                response.Redirect(left == 0 ? "/edition.md" : $"/hop/{left - 1}");
                break;
            case "/to-private":
                response.Redirect("https://10.1.2.3/edition.md");
                break;
            case "/to-http":
                response.Redirect(new Uri(Address, "/edition.md").ToString().Replace("https:", "http:", StringComparison.Ordinal));
                break;
            case "/trickle":
                await response.WriteAsync("---\ntitle: ");
                await response.Body.FlushAsync();
                Trickling.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
            case "/big":
                var piece = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
                for (var sent = 0; sent <= 2 * 1024 * 1024 && !context.RequestAborted.IsCancellationRequested; sent += piece.Length)
                {
                    await response.Body.WriteAsync(piece, context.RequestAborted).AsTask().ContinueWith(_ => { }, TaskScheduler.Default);
                }
                break;
            case "/declared-big":
                response.ContentLength = 3 * 1024 * 1024;
                await response.Body.FlushAsync();
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
            case "/broken":
                response.StatusCode = 500;
                context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>()!.ReasonPhrase = Secret;
                await response.WriteAsync(Secret);
                break;
            default:
                response.StatusCode = 404;
                break;
        }
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Certificate.Dispose();
    }
}
