using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SocialReport.Telegram;

/// <summary>Checks the <c>Telegram</c> section at start-up; the messages never quote the token.</summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (!TokenShape().IsMatch(options.BotToken.Trim()))
            failures.Add("Telegram:BotToken must look like <digits>:<secret> as BotFather gives it");
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
            failures.Add("Telegram:ApiBaseUrl must be an absolute http(s) address");
        if (options.Mode == TelegramMode.Webhook)
        {
            if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme != "https")
                failures.Add("Telegram:WebhookUrl must be an https address in Webhook mode");
            if (options.WebhookSecret is null || !SecretShape().IsMatch(options.WebhookSecret))
                failures.Add("Telegram:WebhookSecret must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - in Webhook mode");
        }
        if (options.PollingTimeoutSeconds is < 0 or > 50)
            failures.Add("Telegram:PollingTimeoutSeconds must be between 0 and 50");
        if (options.QueueCapacity < 1 || options.MaxConcurrentChats < 1)
            failures.Add("Telegram:QueueCapacity and Telegram:MaxConcurrentChats must be at least 1");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(string.Join("; ", failures));
    }

    [GeneratedRegex("^[0-9]+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();
}
