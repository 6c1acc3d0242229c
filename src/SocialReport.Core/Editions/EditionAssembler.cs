namespace SocialReport.Core.Editions;

/// <summary>Turns a reader's draft into an edition: checks what every edition needs, then sets ids, language and topics.</summary>
internal static class EditionAssembler
{
    public static Edition Build(string fileName, EditionDraft draft, OutletCatalog outlets, DateOnly? givenDate = null)
    {
        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            throw new EditionImportException(fileName, 0, "no title found: give the edition a title (front matter 'title', a '# ' heading, an <h1> or a first line)");
        }
        if (draft.Stories.Count == 0)
        {
            throw new EditionImportException(fileName, 0, "no stories found: each story needs a headline followed by its text");
        }
        var (date, dateSource) = EditionDates.Resolve(fileName, draft, givenDate);
        var id = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var stories = draft.Stories.Select((story, index) => new Story
        {
            Id = $"{id}/{index + 1}",
            Headline = story.Headline,
            Text = story.Text,
            Sources = story.Sources,
            Tags = story.Tags,
            Topics = story.Tags.Count > 0 ? story.Tags : TopicExtractor.Extract(story.Headline, story.Text, outlets),
        }).ToList();
        var language = draft.Language ?? LanguageDetector.Detect(string.Join("\n\n", stories.Select(s => s.Text).Prepend(draft.Intro)));
        return new Edition
        {
            Id = id,
            Title = draft.Title.Trim(),
            Date = date,
            DateSource = dateSource,
            Language = language,
            Url = draft.Url,
            Authors = draft.Authors,
            Intro = draft.Intro,
            Stories = stories,
        };
    }
}
