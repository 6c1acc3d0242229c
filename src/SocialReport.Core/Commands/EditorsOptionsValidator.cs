using Microsoft.Extensions.Options;

namespace SocialReport.Core.Commands;

/// <summary>
/// Refuses editor ids that cannot be anyone's, above all the placeholders of <c>appsettings.example.json</c> (and the
/// plausible-looking ones it once had): copied as they are, they would make a stranger an editor, or nobody. Each
/// channel says what its ids look like (<see cref="ChannelSettings.EditorIdProblem"/>).
/// </summary>
public sealed class EditorsOptionsValidator(IEnumerable<ChannelSettings> channels) : IValidateOptions<EditorsOptions>
{
    public ValidateOptionsResult Validate(string? name, EditorsOptions options)
    {
        var errors = new List<string>();
        foreach (var (section, ids) in options)
        {
            var channel = channels.FirstOrDefault(c => string.Equals(c.Section, section, StringComparison.OrdinalIgnoreCase));
            if (channel is null) continue;
            foreach (var id in ids)
                if (channel.EditorIdProblem(id) is { } problem) errors.Add($"{EditorsOptions.SectionName}:{section}: \"{id}\" {problem}");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
