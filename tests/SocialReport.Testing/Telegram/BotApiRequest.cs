using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SocialReport.Testing.Telegram;

/// <summary>
/// The parameters of one Bot API call, from a JSON body, a form (urlencoded or multipart) or the query string,
/// the ways Telegram accepts them. In forms, objects arrive as JSON text.
/// </summary>
internal sealed class BotApiRequest
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IFormFile> _files = new(StringComparer.Ordinal);

    public static async Task<BotApiRequest> ReadAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        var request = new BotApiRequest();
        foreach (var (key, value) in http.Query) request._values[key] = JsonValue.Create(value.ToString());
        if (http.HasJsonContentType())
        {
            using var buffer = new MemoryStream();
            await http.Body.CopyToAsync(buffer, cancellationToken);
            if (buffer.Length == 0) return request;
            JsonNode? body;
            try
            {
                body = JsonNode.Parse(buffer.ToArray());
            }
            catch (JsonException)
            {
                throw BotApiException.BadRequest("can't parse JSON object");
            }
            if (body is not JsonObject json) throw BotApiException.BadRequest("JSON object expected");
            request.AddAll(json);
        }
        else if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form) request._values[key] = JsonValue.Create(value.ToString());
            foreach (var file in form.Files) request._files[file.Name] = file;
        }
        return request;
    }

    public static BotApiRequest FromJson(JsonObject json)
    {
        var request = new BotApiRequest();
        request.AddAll(json);
        return request;
    }

    private void AddAll(JsonObject json)
    {
        foreach (var (key, value) in json) _values[key] = value?.DeepClone();
    }

    public bool Has(string name) => _values.ContainsKey(name) || _files.ContainsKey(name);

    /// <summary>A parameter as text: strings as they are, numbers and booleans as written, objects as JSON.</summary>
    public string? Text(string name) => _values.GetValueOrDefault(name) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonNode node => node.ToJsonString(),
    };

    /// <summary>Telegram reads a malformed integer as 0, as its own argument parser does.</summary>
    public long? Integer(string name)
    {
        var text = Text(name)?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }

    public bool Flag(string name) => Text(name)?.Trim().ToLowerInvariant() is "true" or "1";

    /// <summary>An object or array parameter, given as JSON or as JSON text.</summary>
    public JsonNode? Json(string name, string errorWhenMalformed)
    {
        var raw = _values.GetValueOrDefault(name);
        if (raw is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            if (string.IsNullOrWhiteSpace(text)) return null;
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                throw BotApiException.BadRequest(errorWhenMalformed);
            }
        }
        return raw;
    }

    public IFormFile? File(string name) => _files.GetValueOrDefault(name);
}
