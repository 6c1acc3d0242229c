using System.Globalization;
using System.Text;
using SocialReport.Core.Editions;

namespace SocialReport.Host.Cli;

/// <summary><c>import --explain</c>: each line, what it became and why; then the edition's stories, or why there is none.</summary>
internal static class ExplainText
{
    public static string Describe(ImportExplanation explanation)
    {
        var text = new StringBuilder();
        foreach (var note in explanation.Lines)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{note.Line,5}  {note.Role,-9}  {note.Text}");
            text.AppendLine(CultureInfo.InvariantCulture, $"                  ↳ {note.Why}");
        }
        if (explanation.Lines.Count > 0) text.AppendLine();
        if (explanation.Edition is { } edition)
        {
            text.AppendLine(EditionText.Describe(edition));
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"not imported: {explanation.Error}");
        }
        return text.ToString().TrimEnd();
    }
}
