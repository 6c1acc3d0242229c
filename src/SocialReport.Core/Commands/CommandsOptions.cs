using System.ComponentModel.DataAnnotations;

namespace SocialReport.Core.Commands;

/// <summary>Configuration section <c>Commands</c>.</summary>
public sealed class CommandsOptions
{
    public const string SectionName = "Commands";

    /// <summary>How many commands one chat may send per minute before being asked to slow down.</summary>
    [Range(1, 10_000)]
    public int PerChatPerMinute { get; init; } = 20;

    /// <summary>How many results a list shows at a time (/topic, /search, /archive).</summary>
    [Range(1, 20)]
    public int PageSize { get; init; } = 5;
}
