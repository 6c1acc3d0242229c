using System.Text.RegularExpressions;
using SocialReport.Core.Editions.Html;
using SocialReport.Core.Editions.Markdown;
using SocialReport.Core.Editions.Text;

namespace SocialReport.Core.Editions;

/// <summary>Reads an edition from a Markdown, plain-text or HTML file into the one edition model.
/// Bad input throws <see cref="EditionImportException"/> naming the file, the line and the reason.</summary>
public sealed class EditionImporter(OutletCatalog outlets, TimeProvider time)
{
    public EditionImporter(OutletCatalog outlets) : this(outlets, TimeProvider.System) { }

    public EditionImporter() : this(OutletCatalog.Default) { }

    public OutletCatalog Outlets { get; } = outlets;

    public Edition ImportFile(string path, EditionFormat? format = null) => ImportFile(path, EditionHints.None with { Format = format });

    public Edition ImportFile(string path, EditionHints hints)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new EditionImportException(path, 0, "the file does not exist");
        }
        if (file.Length > EditionText.MaxBytes)
        {
            throw EditionText.TooLarge(path, file.Length);
        }
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EditionImportException(path, 0, $"the file cannot be read: {ex.Message}");
        }
        return Import(path, content, hints);
    }

    /// <param name="fileName">Names the file in errors and picks the format by its extension.</param>
    /// <param name="format">Overrides the format the extension and content suggest.</param>
    public Edition Import(string fileName, byte[] content, EditionFormat? format = null) => Import(fileName, content, EditionHints.None with { Format = format });

    public Edition Import(string fileName, byte[] content, EditionHints hints) => Import(fileName, content, hints, notes: null);

    /// <summary>Imports a file and says what each line became: a plain-text export line by line, a Markdown file block by
    /// block, an HTML page element by element (chrome dropped included). Never throws for a bad edition: the reason is in
    /// <see cref="ImportExplanation.Error"/>.</summary>
    public ImportExplanation Explain(string path, EditionHints hints)
    {
        var notes = new List<LineNote>();
        try
        {
            var file = new FileInfo(path);
            if (file.Exists && file.Length > EditionText.MaxBytes)
            {
                throw EditionText.TooLarge(path, file.Length);
            }
            var edition = Import(path, File.ReadAllBytes(path), hints, notes);
            return new ImportExplanation(InFileOrder(notes), edition, null);
        }
        catch (Exception e) when (e is EditionImportException or IOException or UnauthorizedAccessException)
        {
            return new ImportExplanation(InFileOrder(notes), null, e.Message);
        }
    }

    /// <summary>An HTML page's chrome is noted as it is dropped, before the text: show every note at its line.</summary>
    private static List<LineNote> InFileOrder(List<LineNote> notes) => [.. notes.OrderBy(n => n.Line)];

    private Edition Import(string fileName, byte[] content, EditionHints hints, List<LineNote>? notes)
    {
        var text = EditionText.Decode(fileName, content, hints.Encoding);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        try
        {
            var draft = (hints.Format ?? EditionFormats.Detect(fileName, text)) switch
            {
                EditionFormat.Markdown => new MarkdownEditionReader(Outlets) { Notes = notes }.Read(fileName, text),
                EditionFormat.Html => new HtmlEditionReader(Outlets, today) { Notes = notes }.Read(fileName, text),
                _ => new TextEditionReader(Outlets, today) { Notes = notes }.Read(fileName, text),
            };
            return EditionAssembler.Build(fileName, draft, Outlets, hints.Date);
        }
        catch (RegexMatchTimeoutException)
        {
            throw ImportLimits.TooSlow(fileName);
        }
    }
}
