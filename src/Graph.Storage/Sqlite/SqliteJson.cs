using System.Buffers;
using System.Text;
using System.Text.Json;
using Graph.Model;

namespace Graph.Storage.Sqlite;

/// <summary>
/// Property maps as the store keeps them: exactly the text of <see cref="GraphProperties.ToJson"/> (the store
/// compares stored and new claims as text, so the two must never differ), written through one buffer and writer
/// reused by each thread instead of new ones for every claim, which was a tenth of a load's time.
/// </summary>
internal static class SqliteJson
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    /// <summary>The map as one JSON object, keys in ordinal order.</summary>
    /// <exception cref="ArgumentException">When a value is not one of the types <see cref="GraphProperties"/> writes.</exception>
    public static string Properties(IReadOnlyDictionary<string, object> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        if (writer is null)
        {
            writer = new Utf8JsonWriter(buffer, ExtractionJson.WriterOptions(indented: false));
        }
        else
        {
            writer.Reset(buffer);
        }
        var keys = new string[properties.Count];
        int n = 0;
        foreach (var key in properties.Keys)
        {
            keys[n++] = key;
        }
        Array.Sort(keys, StringComparer.Ordinal);
        writer.WriteStartObject();
        foreach (string key in keys)
        {
            writer.WritePropertyName(key);
            GraphProperties.WriteValue(writer, properties[key]);
        }
        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
