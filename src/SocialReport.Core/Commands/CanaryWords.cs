using System.Globalization;

namespace SocialReport.Core.Commands;

/// <summary>The canary part of <c>/broadcast</c>: <c>canary 5%</c>, <c>canary 5 %</c> or <c>canary 5</c> (or <c>canari</c>), taken out of the command's words.</summary>
internal static class CanaryWords
{
    /// <summary>False when the words name a canary without a share of 1 to 50 %; <paramref name="percent"/> null when they name none.</summary>
    public static bool TryTake(List<string> words, out int? percent)
    {
        percent = null;
        var at = words.FindIndex(word => word.Equals("canary", StringComparison.OrdinalIgnoreCase) || word.Equals("canari", StringComparison.OrdinalIgnoreCase));
        if (at < 0) return true;
        var taken = 1;
        var share = at + 1 < words.Count ? words[at + 1] : "";
        if (share.EndsWith('%')) share = share[..^1];
        else if (at + 2 < words.Count && words[at + 2] == "%") taken++;
        if (!int.TryParse(share, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || !Delivery.CanarySample.IsValid(value)) return false;
        words.RemoveRange(at, taken + 1);
        percent = value;
        return true;
    }
}
