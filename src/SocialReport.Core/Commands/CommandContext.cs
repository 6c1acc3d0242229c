using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>One command being handled: what was said, by whom, in which language.</summary>
public sealed record CommandContext(Inbound Inbound, CommandText Command, string Language, bool IsEditor, Chat? Chat)
{
    public Phrases Say => Phrases.For(Language);
}
