using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Graph.Storage.Neo4j.Http;

/// <summary>Request bodies written and response bodies read, the same for both of Neo4j's HTTP APIs.</summary>
internal static class Neo4jJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The body is never embedded in HTML, so Chinese text travels as UTF-8 instead of six-byte \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Results may nest lists and maps deeper than System.Text.Json's default of 64 levels.</summary>
    private static readonly JsonSerializerOptions ReaderOptions = new() { MaxDepth = 1000 };

    /// <summary>A JSON body written by <paramref name="write"/>.</summary>
    public static byte[] Body(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes <c>"parameters": {...}</c>, or nothing when there are none.</summary>
    /// <exception cref="ArgumentException">When a value has a type that has no Cypher counterpart.</exception>
    public static void WriteParameters(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?>? parameters)
    {
        if (parameters is null || parameters.Count == 0)
        {
            return;
        }
        writer.WritePropertyName("parameters");
        writer.WriteStartObject();
        foreach (var (name, value) in parameters)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value, "$" + name);
        }
        writer.WriteEndObject();
    }

    /// <summary>
    /// One parameter value: null, strings, booleans, integers, floating-point numbers, enums (by name), lists of
    /// any of these and maps with string keys, nested to any depth; a <see cref="JsonElement"/> is copied as is.
    /// </summary>
    private static void WriteValue(Utf8JsonWriter writer, object? value, string path)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case long or int or short or sbyte or byte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong number:
                writer.WriteNumberValue(number);
                break;
            case double or float or decimal:
                WriteFloat(writer, Convert.ToDouble(value, CultureInfo.InvariantCulture), path);
                break;
            case Enum named:
                writer.WriteStringValue(named.ToString());
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item, path + "." + key);
                }
                writer.WriteEndObject();
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    string key = entry.Key as string
                        ?? throw new ArgumentException($"parameter {path}: map keys must be strings, not {entry.Key.GetType().Name}", nameof(value));
                    writer.WritePropertyName(key);
                    WriteValue(writer, entry.Value, path + "." + key);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                int index = 0;
                foreach (object? item in list)
                {
                    WriteValue(writer, item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
                    index++;
                }
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"parameter {path}: a {value.GetType().Name} has no Cypher counterpart", nameof(value));
        }
    }

    /// <summary>
    /// The server reads plain JSON with Jackson, which turns <c>1</c> into an INTEGER and <c>1.0</c> into a FLOAT;
    /// System.Text.Json writes 1.0 as <c>1</c>, so a whole float gets its <c>.0</c> back here.
    /// </summary>
    private static void WriteFloat(Utf8JsonWriter writer, double number, string path)
    {
        if (!double.IsFinite(number))
        {
            throw new ArgumentException($"parameter {path}: {number} cannot be sent as JSON", nameof(number));
        }
        string text = number.ToString("R", CultureInfo.InvariantCulture);
        writer.WriteRawValue(text.AsSpan().IndexOfAny('.', 'E') < 0 ? text + ".0" : text, skipInputValidation: true);
    }

    /// <summary>The body as a JSON value that outlives any document, or null when it is empty or not JSON.</summary>
    public static JsonElement? TryParse(byte[] body)
    {
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(body, ReaderOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The first entry of the <c>errors</c> array both APIs put in a body, if it holds one.</summary>
    public static (string Code, string Message)? FirstError(JsonElement? root)
    {
        if (root is not { ValueKind: JsonValueKind.Object } body
            || !body.TryGetProperty("errors", out var errors)
            || errors.ValueKind != JsonValueKind.Array
            || errors.GetArrayLength() == 0)
        {
            return null;
        }
        var first = errors[0];
        return (Text(first, "code") ?? "Neo.DatabaseError.General.UnknownError", Text(first, "message") ?? "(no message)");
    }

    /// <summary>A string property of an object, or null.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>An array of strings, or an empty list when the property is missing.</summary>
    public static IReadOnlyList<string> Texts(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];

    /// <summary>Rows as lists of values, from an array of arrays.</summary>
    public static IReadOnlyList<IReadOnlyList<JsonElement>> Rows(IEnumerable<JsonElement> rows) =>
        [.. rows.Select(row => (IReadOnlyList<JsonElement>)(row.ValueKind == JsonValueKind.Array ? [.. row.EnumerateArray()] : [row]))];
}
