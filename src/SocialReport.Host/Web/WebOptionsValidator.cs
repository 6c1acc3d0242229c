using Microsoft.Extensions.Options;
using SocialReport.Core.Delivery;

namespace SocialReport.Host.Web;

/// <summary>Checks the <c>Web</c> section at start-up, so a bad setting stops the host with one clear line.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var errors = new List<string>();
        if (options.StatusToken.Length is > 0 and < WebOptions.MinStatusTokenLength)
            errors.Add($"Web:StatusToken must be at least {WebOptions.MinStatusTokenLength} characters (e.g. `openssl rand -base64 32`), or empty to turn the status page off.");
        if (options.StatusSignInLifetime <= TimeSpan.Zero)
            errors.Add("Web:StatusSignInLifetime must be positive.");
        foreach (var proxy in options.TrustedProxies)
        {
            if (!ProxyAddresses.TryParse(proxy, out _))
                errors.Add($"Web:TrustedProxies: '{proxy}' is not an IP address or a network like 10.0.0.0/8.");
        }
        CheckRate(errors, "Web:PreviewRate", options.PreviewRate);
        CheckRate(errors, "Web:ChatRate", options.ChatRate);
        if (options.PreviewConcurrency is < 1 or > 64)
            errors.Add("Web:PreviewConcurrency must be between 1 and 64.");
        if (options.PreviewTimeBudget <= TimeSpan.Zero)
            errors.Add("Web:PreviewTimeBudget must be positive.");
        if (options.ChatSessions is < 1 or > 1_000_000)
            errors.Add("Web:ChatSessions must be between 1 and 1000000.");
        if (options.ChatSessionIdle <= TimeSpan.Zero)
            errors.Add("Web:ChatSessionIdle must be positive.");
        if (options.PublicUrl.Length > 0 && !(Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
            errors.Add("Web:PublicUrl must be an absolute https address such as https://bot.example.org, or empty.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckRate(List<string> errors, string setting, string value)
    {
        try
        {
            RateLimitSpec.Parse(value);
        }
        catch (FormatException e)
        {
            errors.Add($"{setting}: {e.Message}");
        }
    }
}
