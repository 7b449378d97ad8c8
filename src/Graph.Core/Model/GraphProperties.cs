using System.Text;
using System.Text.Json;

namespace Graph.Model;

/// <summary>
/// Property maps of nodes, and evidence records, as JSON: how the SQLite store keeps them, how exports write
/// them, and how a Neo4j relationship carries its evidence (a list of JSON strings, since Neo4j has no nested
/// maps). Property values are strings, 64-bit integers, booleans or lists of strings; nothing else is written.
/// </summary>
public static class GraphProperties
{
    /// <summary>Writes a property map as one JSON object, keys in ordinal order.</summary>
    /// <exception cref="ArgumentException">When a value is not one of the four supported types.</exception>
    public static string ToJson(IReadOnlyDictionary<string, object> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, ExtractionJson.WriterOptions(indented: false)))
        {
            w.WriteStartObject();
            foreach (var (key, value) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WritePropertyName(key);
                WriteValue(w, value);
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes one property value: a string, a number, a boolean or an array of strings.</summary>
    /// <exception cref="ArgumentException">When the value is not one of the four supported types.</exception>
    public static void WriteValue(Utf8JsonWriter writer, object value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case string s: writer.WriteStringValue(s); break;
            case long n: writer.WriteNumberValue(n); break;
            case int n: writer.WriteNumberValue(n); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case IEnumerable<string> list:
                writer.WriteStartArray();
                foreach (string item in list)
                {
                    writer.WriteStringValue(item);
                }
                writer.WriteEndArray();
                break;
            default: throw new ArgumentException($"unsupported property value of type {value?.GetType().Name ?? "null"}", nameof(value));
        }
    }

    /// <summary>Reads a property map written by <see cref="ToJson"/>. Values of other JSON types are dropped.</summary>
    /// <exception cref="JsonException">When the text is not a JSON object.</exception>
    public static Dictionary<string, object> FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json);
        return FromJson(doc.RootElement);
    }

    /// <summary>Reads a property map from a JSON object already parsed (a Neo4j result's <c>properties(n)</c>).</summary>
    /// <exception cref="JsonException">When the element is not a JSON object.</exception>
    public static Dictionary<string, object> FromJson(JsonElement map)
    {
        if (map.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("a property map must be a JSON object");
        }
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var p in map.EnumerateObject())
        {
            if (ValueOf(p.Value) is { } value)
            {
                result[p.Name] = value;
            }
        }
        return result;
    }

    /// <summary>A JSON value as a property value: string, 64-bit integer, boolean or string array; null for anything else.</summary>
    public static object? ValueOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt64(out long n) => n,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray(),
        _ => null,
    };

    /// <summary>
    /// Writes a node's fields into the JSON object the caller has started: id, label, name, ingested, and its
    /// properties in key order. The query commands' JSON and the JSON-lines export share this form.
    /// </summary>
    public static void WriteNodeFields(Utf8JsonWriter w, GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(node);
        w.WriteString("id", node.Id);
        w.WriteString("label", node.Label.ToString());
        w.WriteString("name", node.Name);
        w.WriteBoolean("ingested", node.Ingested);
        w.WriteStartObject("properties");
        foreach (var (key, value) in node.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WritePropertyName(key);
            WriteValue(w, value);
        }
        w.WriteEndObject();
    }

    /// <summary>Writes one piece of evidence as a JSON object; absent fields are left out.</summary>
    public static void WriteEvidence(Utf8JsonWriter w, Evidence e)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(e);
        w.WriteStartObject();
        w.WriteString("source", e.Source);
        w.WriteString("language", e.Language);
        w.WriteString("file", e.File);
        if (e.Surface is not null)
        {
            w.WriteString("surface", e.Surface);
        }
        if (e.Offset is { } offset)
        {
            w.WriteNumber("offset", offset);
        }
        if (e.Length is { } length)
        {
            w.WriteNumber("length", length);
        }
        if (e.Paragraph is { } p)
        {
            w.WriteStartObject("paragraph");
            w.WriteString("part", p.Part);
            if (p.Number is { } number)
            {
                w.WriteNumber("number", number);
            }
            else
            {
                w.WriteNull("number");
            }
            w.WriteEndObject();
        }
        if (e.Footnote is { } footnote)
        {
            w.WriteNumber("footnote", footnote);
        }
        // Only a PDF has pages: a text file's evidence is written as it was before PDFs were read.
        if (e.Page is { } page)
        {
            w.WriteNumber("page", page);
        }
        if (e.Pinpoint is not null)
        {
            w.WriteString("pinpoint", e.Pinpoint);
        }
        if (e.Date is not null)
        {
            w.WriteString("date", e.Date);
        }
        w.WriteEndObject();
    }

    /// <summary>One piece of evidence as a compact JSON string.</summary>
    public static string EvidenceJson(Evidence evidence)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, ExtractionJson.WriterOptions(indented: false)))
        {
            WriteEvidence(w, evidence);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads one piece of evidence written by <see cref="EvidenceJson"/>.</summary>
    /// <exception cref="JsonException">When the text is not an evidence object.</exception>
    public static Evidence EvidenceFromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json);
        var e = doc.RootElement;
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("evidence must be a JSON object");
        }
        string? Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        int? Number(JsonElement within, string name) => within.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
        Paragraph? paragraph = e.TryGetProperty("paragraph", out var p) && p.ValueKind == JsonValueKind.Object
            && p.TryGetProperty("part", out var part) && part.ValueKind == JsonValueKind.String
            ? new Paragraph(part.GetString()!, Number(p, "number"))
            : null;
        return new Evidence
        {
            Source = Text("source") ?? throw new JsonException("evidence has no source"),
            Language = Text("language") ?? throw new JsonException("evidence has no language"),
            File = Text("file") ?? throw new JsonException("evidence has no file"),
            Surface = Text("surface"),
            Offset = Number(e, "offset"),
            Length = Number(e, "length"),
            Paragraph = paragraph,
            Footnote = Number(e, "footnote"),
            Page = Number(e, "page"),
            Pinpoint = Text("pinpoint"),
            Date = Text("date"),
        };
    }
}
