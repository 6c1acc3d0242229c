using System.Text;
using SocialReport.Core.Cards;

namespace SocialReport.Core.Commands;

/// <summary>/help: the commands this user may use, in the chat's language.</summary>
public sealed class HelpCommand : ICommandHandler
{
    public IReadOnlyCollection<string> Names { get; } = ["help", "aide"];
    public bool EditorsOnly => false;

    public Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var say = context.Say;
        var text = new StringBuilder();
        IReadOnlyList<(string Name, string Description)> commands = context.IsEditor
            ? [.. say.Commands, .. say.SettingsCommands, .. say.EditorCommands]
            : [.. say.Commands, .. say.SettingsCommands];
        foreach (var (name, description) in commands)
            text.Append('/').Append(name).Append(" — ").Append(description).Append('\n');
        return Task.FromResult(Reply.Of(new NoticeCard { Language = context.Language, Title = say.HelpTitle, Text = text.ToString().TrimEnd() }));
    }
}
