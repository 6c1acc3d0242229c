using System.Net;
using System.Net.Security;

namespace SocialReport.Host;

/// <summary>How <c>/publish https://…</c> downloads. Not bound from configuration: nothing in a settings file can open
/// private addresses; only the tests' code sets <see cref="MayConnectTo"/> and <see cref="CertificateValidation"/>
/// to reach their loopback server.</summary>
internal sealed class EditionDownloadOptions
{
    /// <summary>For the whole download: every redirect, the headers and the body.</summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(20);

    public Func<IPAddress, bool> MayConnectTo { get; set; } = PublicAddresses.Contains;

    public RemoteCertificateValidationCallback? CertificateValidation { get; set; }
}
