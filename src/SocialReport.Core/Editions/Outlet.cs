namespace SocialReport.Core.Editions;

/// <summary>A news outlet an edition may cite. <paramref name="Aliases"/> are other spellings of it;
/// <paramref name="CommonWord"/> marks a name that is also an ordinary word ("Challenges", "Wired"), so it
/// counts only where a sentence does not start with it.</summary>
public sealed record Outlet(string Name, IReadOnlyList<string> Aliases, bool CommonWord = false)
{
    public Outlet(string name) : this(name, []) { }

    public IEnumerable<string> Spellings => Aliases.Prepend(Name);
}

/// <summary>Where an outlet is named in a text, spelled as the text spells it.</summary>
public sealed record OutletMention(Outlet Outlet, int Index, int Length, string Text);
