using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Search;

/// <summary>Short ways to write test editions in code.</summary>
internal static class StoryBuilder
{
    public static Edition Edition(string date, string language, params Func<string, Story>[] stories) =>
        Edition(date, date, language, stories);

    public static Edition Edition(string id, string date, string language, params Func<string, Story>[] stories) => new()
    {
        Id = id,
        Title = language == "fr" ? $"Social Report - {date}" : $"The Social Report - {date}",
        Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        Language = language,
        Stories = stories.Select((story, i) => story($"{id}/{i + 1}")).ToList(),
    };

    /// <summary>A story whose topics the editor set with a <c>Tags:</c> line.</summary>
    public static Func<string, Story> Tagged(string headline, string text, string[] tags, params Source[] sources) =>
        id => new Story { Id = id, Headline = headline, Text = text, Tags = tags, Topics = tags, Sources = sources };

    /// <summary>A story without tags: its topics were derived from its text.</summary>
    public static Func<string, Story> Derived(string headline, string text, string[] topics, params Source[] sources) =>
        id => new Story { Id = id, Headline = headline, Text = text, Topics = topics, Sources = sources };
}
