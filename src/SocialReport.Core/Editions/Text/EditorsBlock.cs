namespace SocialReport.Core.Editions.Text;

/// <summary>Reads the block of editors an export prints before the stories. A person shows as a full name, a first
/// name and an uppercase surname (in any subset), then maybe a job title; lone words such as a badge ("Master")
/// are nobody.</summary>
internal static class EditorsBlock
{
    private sealed class Person(string name, bool confirmed)
    {
        public string Name { get; } = name;
        public bool Confirmed { get; set; } = confirmed;
        public string? Role { get; set; }
    }

    public static IReadOnlyList<Author> Parse(IReadOnlyList<string> lines)
    {
        var people = new List<Person>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            string? Next(int k) => i + k < lines.Count ? lines[i + k] : null;

            if (PersonNames.IsFullName(line))
            {
                if (Next(1) is { } first && Next(2) is { } last && PersonNames.IsFirstName(first) && PersonNames.IsUppercaseSurname(last)
                    && SameName(line, first + " " + last))
                {
                    people.Add(new Person(Merge(line, first, last), confirmed: true));
                    i += 2;
                }
                else if (Next(1) is { } surname && PersonNames.IsUppercaseSurname(surname) && SameName(line, line.Split(' ')[0] + " " + surname))
                {
                    people.Add(new Person(Merge(line, line.Split(' ')[0], surname), confirmed: true));
                    i += 1;
                }
                else
                {
                    // A lone capitalised pair could be anything; it is a person only if a job title follows.
                    people.Add(new Person(line, confirmed: false));
                }
            }
            else if (PersonNames.IsFirstName(line) && Next(1) is { } surname && PersonNames.IsUppercaseSurname(surname))
            {
                people.Add(new Person(line + " " + PersonNames.Capitalise(surname), confirmed: true));
                i += 1;
            }
            else if (people.Count > 0 && people[^1].Role is null && LooksLikeRole(line))
            {
                people[^1].Role = line;
                people[^1].Confirmed = true;
            }
        }
        return people.Where(p => p.Confirmed).Select(p => new Author(p.Name, p.Role)).ToList();
    }

    /// <summary>"Publié par Alexandre Lecouvé le", "Par Ambre Limousi et Gwenaëlle Lepeltier", "By Jane Doe | March 6".</summary>
    public static IReadOnlyList<string> NamesInByline(string byline)
    {
        var words = byline.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = Array.FindIndex(words, w => w.Equals("par", StringComparison.OrdinalIgnoreCase) || w.Equals("by", StringComparison.OrdinalIgnoreCase));
        if (start < 0)
        {
            return [];
        }
        var names = new List<string>();
        var current = new List<string>();
        foreach (var word in words.Skip(start + 1).Append("|"))
        {
            var bare = word.TrimEnd(',', ';');
            var separator = bare is "et" or "and" or "&" or "|" or "-" or "–" or "—" or "le" or "on" or "à" or "at" || bare.Length == 0;
            if (!separator)
            {
                current.Add(bare);
            }
            if (separator || word.EndsWith(',') || word.EndsWith(';'))
            {
                var name = string.Join(' ', current);
                if (PersonNames.IsFullName(name))
                {
                    names.Add(name);
                }
                current.Clear();
                if (bare is "|" or "le" or "on" or "à" or "at")
                {
                    break;
                }
            }
        }
        return names;
    }

    /// <summary>A signature opens with a name or a lead-in such as "Réalisé par", "Rédaction :" or "Editors".</summary>
    public static bool MayStartSignature(string line) =>
        PersonNames.IsFullName(line) || PersonNames.IsFirstName(line)
        || line.EndsWith(':') || line.EndsWith(" par", StringComparison.OrdinalIgnoreCase) || line.EndsWith(" by", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeRole(string line) =>
        PersonNames.IsRole(line) || (line.Contains(',', StringComparison.Ordinal) && line.Split(' ').Length >= 2);

    private static bool SameName(string a, string b) => TextFolding.Key(a) == TextFolding.Key(b);

    private static string Merge(string fullName, string firstName, string uppercaseSurname)
    {
        var surnameWords = uppercaseSurname.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var fullWords = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var fullFirst = string.Join(' ', fullWords[..^surnameWords]);
        var fullLast = string.Join(' ', fullWords[^surnameWords..]);
        var first = PersonNames.Richer(fullFirst, firstName);
        var last = PersonNames.Richer(fullLast, PersonNames.Capitalise(uppercaseSurname));
        return first + " " + last;
    }
}
