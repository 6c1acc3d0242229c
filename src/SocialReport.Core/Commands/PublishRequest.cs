using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialReport.Core.Commands;

/// <summary><c>/publish [path or address] [date 2020-03-13]</c>: what to publish, and the date the editor gives.
/// <c>/publish date</c> alone asks how to give one.</summary>
internal sealed partial record PublishRequest(string Target, bool MentionsDate, DateOnly? Date, bool BadDate)
{
    [GeneratedRegex(@"(?:^|\s)date(?:\s+(?<value>\S+))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Editions.ImportLimits.MatchTimeoutMilliseconds)]
    private static partial Regex DateWords();

    public static PublishRequest Parse(string arguments)
    {
        var match = DateWords().Match(arguments);
        if (!match.Success)
        {
            return new PublishRequest(arguments.Trim(), false, null, false);
        }
        var target = arguments[..match.Index].Trim();
        if (!match.Groups["value"].Success)
        {
            return new PublishRequest(target, true, null, false);
        }
        var valid = DateOnly.TryParseExact(match.Groups["value"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        return new PublishRequest(target, true, valid ? date : null, !valid);
    }
}
