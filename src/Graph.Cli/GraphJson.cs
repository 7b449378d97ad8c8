using System.Text.Json;
using Graph.Model;

namespace Graph.Cli;

/// <summary>How query commands print nodes and edges with <c>--format json</c>.</summary>
internal static class GraphJson
{
    public static void WriteNode(Utf8JsonWriter w, GraphNode node)
    {
        w.WriteStartObject();
        GraphProperties.WriteNodeFields(w, node);
        w.WriteEndObject();
    }

    public static void WriteEdge(Utf8JsonWriter w, GraphEdge edge)
    {
        w.WriteStartObject();
        w.WriteString("from", edge.From);
        w.WriteString("type", edge.Type);
        w.WriteString("to", edge.To);
        w.WriteStartArray("languages");
        foreach (string language in edge.Languages)
        {
            w.WriteStringValue(language);
        }
        w.WriteEndArray();
        w.WriteStartArray("evidence");
        foreach (var evidence in edge.Evidence)
        {
            GraphProperties.WriteEvidence(w, evidence);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes one JSON document to stdout, indented, with a final newline.</summary>
    public static void Print(Stream stdout, Action<Utf8JsonWriter> write)
    {
        using (var w = new Utf8JsonWriter(stdout, ExtractionJson.WriterOptions(indented: true)))
        {
            write(w);
        }
        stdout.WriteByte((byte)'\n');
        stdout.Flush();
    }

    /// <summary>Text from a document on one line of terminal output: control characters become spaces.</summary>
    public static string OneLine(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (int i = 0; i < source.Length; i++)
        {
            span[i] = char.IsControl(source[i]) ? ' ' : source[i];
        }
    });
}
