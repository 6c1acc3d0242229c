using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialReport.Teams.Protocol;

/// <summary>How activities travel: camelCase, nulls left out, non-ASCII text kept as is (it counts once, not six times, against the size limit).</summary>
internal static class TeamsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    /// <summary>The size Teams counts: UTF-16, two bytes a character.</summary>
    public static int Utf16Size<T>(T value) => Serialize(value).Length * 2;
}
