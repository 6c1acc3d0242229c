using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialReport.Core.Editions;

/// <summary>Where an edition's date came from, so that an editor can tell a stated date from a guessed one.</summary>
[JsonConverter(typeof(DateSourceJsonConverter))]
public enum DateSource
{
    /// <summary>The edition's own words: its title, date line, byline, front matter or, failing those, a date in its text.</summary>
    Text,
    /// <summary>The file's name (<c>…2020-03-13…</c>, <c>…13-03-2020…</c>).</summary>
    FileName,
    /// <summary>The page's markup: <c>article:published_time</c>, <c>&lt;time datetime&gt;</c>, JSON-LD <c>datePublished</c>.</summary>
    Metadata,
    /// <summary>The editor gave it (<c>--date</c>, <c>/publish … date 2020-03-13</c>).</summary>
    Given,
}

/// <summary>"text", "fileName", "metadata", "given" in the JSON contract.</summary>
internal sealed class DateSourceJsonConverter() : JsonStringEnumConverter<DateSource>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
