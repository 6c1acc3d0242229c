using Microsoft.Extensions.Options;

namespace SocialReport.Core.Commands;

/// <summary>
/// Refuses editor ids that cannot be anyone's, above all the placeholders of <c>appsettings.example.json</c> (and the
/// plausible-looking ones it once had): copied as they are, they would make a stranger an editor, or nobody.
/// </summary>
public sealed class EditorsOptionsValidator : IValidateOptions<EditorsOptions>
{
    /// <summary>The Telegram id the example file used to list.</summary>
    private const string FormerExampleTelegramId = "123456789";

    public ValidateOptionsResult Validate(string? name, EditorsOptions options)
    {
        var errors = new List<string>();
        foreach (var id in options.Telegram)
        {
            if (IsPlaceholder(id) || id == FormerExampleTelegramId || (id.Length > 0 && id.All(c => c == '0')))
                errors.Add($"Admins:Telegram: \"{id}\" is a placeholder: put your numeric Telegram user id, or remove it.");
            else if (id.Length == 0 || !id.All(char.IsAsciiDigit))
                errors.Add($"Admins:Telegram: \"{id}\" is not a Telegram user id (digits only).");
        }
        foreach (var id in options.Teams)
        {
            if (IsPlaceholder(id) || (Guid.TryParse(id, out var guid) && guid == Guid.Empty))
                errors.Add($"Admins:Teams: \"{id}\" is a placeholder: put your Entra object id, or remove it.");
            else if (!Guid.TryParse(id, out _))
                errors.Add($"Admins:Teams: \"{id}\" is not an Entra object id (a GUID).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Like the example's <c>&lt;your Telegram user id&gt;</c>.</summary>
    private static bool IsPlaceholder(string id) => id.StartsWith('<') || id.EndsWith('>');
}
