using System.Text;
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
        WriteNonAsciiAsIs(JsonSerializer.Serialize(edition, indented ? Indented : Options));

    public static Edition Deserialize(string json) =>
        JsonSerializer.Deserialize<Edition>(json, Options) ?? throw new JsonException("the JSON holds no edition");

    /// <summary>Even the relaxed encoder escapes emoji and a few other characters as <c>\uXXXX</c>; JSON does not
    /// require it, and the contract is readable text.</summary>
    private static string WriteNonAsciiAsIs(string json)
    {
        if (!json.Contains("\\u", StringComparison.Ordinal))
        {
            return json;
        }
        var builder = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != '\\' || i + 1 >= json.Length)
            {
                builder.Append(json[i]);
                continue;
            }
            if (json[i + 1] == 'u' && Escaped(json, i) is { } c && c >= 0x80)
            {
                if (!char.IsSurrogate(c))
                {
                    builder.Append(c);
                    i += 5;
                    continue;
                }
                if (char.IsHighSurrogate(c) && Escaped(json, i + 6) is { } low && char.IsLowSurrogate(low))
                {
                    builder.Append(c).Append(low);
                    i += 11;
                    continue;
                }
            }
            builder.Append(json, i, 2);
            i++;
        }
        return builder.ToString();
    }

    private static char? Escaped(string json, int index) =>
        index + 6 <= json.Length && json[index] == '\\' && json[index + 1] == 'u'
        && ushort.TryParse(json.AsSpan(index + 2, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code)
            ? (char)code
            : null;

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
