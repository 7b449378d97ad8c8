using System.Text.Json;
using Graph.Model;
using Graph.Store;

namespace Graph.Export;

/// <summary>
/// <c>graph.jsonl</c>: one JSON object a line, nodes first, then relationships, whose evidence stays structured
/// (objects, not the JSON strings Neo4j needs). JSON escapes every line break inside a string, so a line is
/// always one object.
/// </summary>
/// <remarks>
/// <code>
/// {"type":"node","id":"A/RES/68/72","label":"Resolution","name":"A/RES/68/72","ingested":true,"properties":{"date":"2013-12-05"}}
/// {"type":"relationship","label":"RECALLS","start":"A/RES/68/72","end":"ccm","count":1,"languages":["en"],"surfaces":[…],"pinpoints":[],"evidence":[{…}]}
/// </code>
/// </remarks>
internal static class JsonLinesWriter
{
    public const string FileName = "graph.jsonl";

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static async Task<ExportResult> WriteAsync(IGraphStore store, string directory, CancellationToken ct)
    {
        string path = Path.Combine(directory, FileName);
        var labels = new Dictionary<string, NodeLabel>(StringComparer.Ordinal);
        int nodes = 0, edges = 0, skipped = 0;
        await using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16, useAsync: true))
        await using (var w = new Utf8JsonWriter(stream, ExtractionJson.WriterOptions(indented: false)))
        {
            await foreach (var node in store.NodesAsync(ct).ConfigureAwait(false))
            {
                labels.TryAdd(node.Id, node.Label);
                WriteNode(w, node);
                await EndLineAsync(w, stream, ct).ConfigureAwait(false);
                nodes++;
            }
            await foreach (var edge in store.EdgesAsync(ct).ConfigureAwait(false))
            {
                if (!labels.ContainsKey(edge.From) || !labels.ContainsKey(edge.To))
                {
                    skipped++;
                    continue;
                }
                WriteRelationship(w, edge);
                await EndLineAsync(w, stream, ct).ConfigureAwait(false);
                edges++;
            }
        }
        return new ExportResult([path], nodes, edges, Command: null, skipped);
    }

    /// <summary>Writes one node line's object; the node spool of the other writers uses the same form.</summary>
    /// <exception cref="InvalidDataException">When a property value has an unsupported type.</exception>
    public static void WriteNode(Utf8JsonWriter w, GraphNode node)
    {
        foreach (object value in node.Properties.Values)
        {
            ExportValues.KindOf(value);
        }
        w.WriteStartObject();
        w.WriteString("type", "node");
        GraphProperties.WriteNodeFields(w, node);
        w.WriteEndObject();
    }

    private static void WriteRelationship(Utf8JsonWriter w, GraphEdge edge)
    {
        w.WriteStartObject();
        w.WriteString("type", "relationship");
        w.WriteString("label", edge.Type);
        w.WriteString("start", edge.From);
        w.WriteString("end", edge.To);
        w.WriteNumber("count", edge.Evidence.Count);
        ExtractionJson.WriteStrings(w, "languages", edge.Languages);
        ExtractionJson.WriteStrings(w, "surfaces", edge.Surfaces);
        ExtractionJson.WriteStrings(w, "pinpoints", edge.Pinpoints);
        w.WriteStartArray("evidence");
        foreach (var e in edge.Evidence)
        {
            GraphProperties.WriteEvidence(w, e);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Ends the object's line; Reset lets the writer start the next top-level value.</summary>
    private static async Task EndLineAsync(Utf8JsonWriter w, Stream stream, CancellationToken ct)
    {
        await w.FlushAsync(ct).ConfigureAwait(false);
        await stream.WriteAsync(NewLine, ct).ConfigureAwait(false);
        w.Reset();
    }
}
