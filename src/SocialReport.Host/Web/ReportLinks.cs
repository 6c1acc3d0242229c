using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using SocialReport.Core.Commands;

namespace SocialReport.Host.Web;

/// <summary>
/// Signed, time-limited download links of a broadcast's CSV (<c>/reports/{token}</c>): the token is the broadcast id under a
/// Data Protection time-limited protector, valid <see cref="Lifetime"/>; with keys kept only in memory, a restart ends them.
/// </summary>
internal sealed class ReportLinks(IDataProtectionProvider protection, IOptionsMonitor<WebOptions> options, TimeProvider time) : IReportLinks
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("SocialReport.Reports.Csv").ToTimeLimitedDataProtector();

    public Uri? CsvOf(string broadcastId)
    {
        var root = options.CurrentValue.PublicUrl.TrimEnd('/');
        if (root.Length == 0) return null;
        var token = _protector.Protect(broadcastId, time.GetUtcNow() + Lifetime);
        return new Uri($"{root}/reports/{Uri.EscapeDataString(token)}");
    }

    /// <summary>The broadcast a token names, if it is genuine and not expired.</summary>
    public string? BroadcastOf(string token)
    {
        try
        {
            var broadcastId = _protector.Unprotect(token, out var expires);
            return expires > time.GetUtcNow() ? broadcastId : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
