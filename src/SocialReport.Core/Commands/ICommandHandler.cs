namespace SocialReport.Core.Commands;

/// <summary>A group of commands the engine dispatches to by name.</summary>
public interface ICommandHandler
{
    /// <summary>The command names (without "/") this handler answers, with aliases.</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>Editors' commands are refused to everyone else before the handler runs.</summary>
    bool EditorsOnly { get; }

    Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken);
}
