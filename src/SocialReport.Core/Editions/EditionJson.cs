using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialReport.Core.Editions;

/// <summary>The edition as the <c>import --json</c> contract writes it: camelCase, dates as YYYY-MM-DD, unknown url
/// and role as null, non-ASCII text as is.</summary>
public static class EditionJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    private static readonly JsonSerializerOptions Indented = Create(indented: true);

    public static string Serialize(Edition edition, bool indented = true) =>
        JsonSerializer.Serialize(edition, indented ? Indented : Options);

    public static Edition Deserialize(string json) =>
        JsonSerializer.Deserialize<Edition>(json, Options) ?? throw new JsonException("the JSON holds no edition");

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            RespectNullableAnnotations = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
