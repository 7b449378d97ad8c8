using System.Text.Encodings.Web;
using System.Text.Json;
using Graph.Model;

namespace Graph.Tests.Support;

/// <summary>
/// One reference written as a line, the form spec files and golden files use:
/// <c>resolution A/RES/66/69 "resolution 66/69 of 9 December 2011" date=2011-12-09</c>. The surface is a JSON
/// string, so line breaks inside it stay visible (<c>\n</c>).
/// </summary>
internal static class ReferenceLine
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Format(Reference r, bool withSpan = false)
    {
        var parts = new List<string> { r.Kind.Name(), r.Id, JsonSerializer.Serialize(r.Surface, Json) };
        if (withSpan)
        {
            parts.Add($"@{r.Start}+{r.Length}");
        }
        if (r.Date is { } date)
        {
            parts.Add($"date={date}");
        }
        if (r.Pinpoint is { } pinpoint)
        {
            parts.Add($"pinpoint={JsonSerializer.Serialize(pinpoint, Json)}");
        }
        if (r.Number is { } n)
        {
            parts.Add($"number={n}");
        }
        return string.Join(' ', parts);
    }

    public static string Quote(string s) => JsonSerializer.Serialize(s, Json);
}
