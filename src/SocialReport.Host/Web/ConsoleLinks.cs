using Microsoft.Extensions.Options;
using SocialReport.Core.Commands;

namespace SocialReport.Host.Web;

/// <summary>Sign-in links at <see cref="WebOptions.PublicUrl"/>; registered only when it is set.</summary>
internal sealed class ConsoleLinks(IOptions<WebOptions> options) : IConsoleLinks
{
    public Uri LoginLink(string token) => new($"{options.Value.PublicUrl.TrimEnd('/')}/login?token={Uri.EscapeDataString(token)}");
}
