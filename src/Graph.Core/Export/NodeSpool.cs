using System.Text;
using System.Text.Json;
using Graph.Model;
using Graph.Store;

namespace Graph.Export;

/// <summary>
/// The store's nodes, read once and kept in a temporary file in the output directory, for formats that must
/// declare every property key before the first node (CSV headers, GraphML keys). While spooling it learns each
/// label's keys and their kinds, and the label of every id. The file is deleted when the spool is disposed,
/// or by the system if the process dies first.
/// </summary>
internal sealed class NodeSpool : IAsyncDisposable
{
    private readonly FileStream file;
    private readonly Dictionary<string, NodeLabel> labels = new(StringComparer.Ordinal);
    private readonly SortedDictionary<NodeLabel, SortedDictionary<string, PropertyKind>> keys = [];

    private NodeSpool(FileStream file) => this.file = file;

    /// <summary>The label of each node id (the first, should a store ever repeat an id).</summary>
    public IReadOnlyDictionary<string, NodeLabel> Labels => labels;

    /// <summary>The labels seen, in enum order, with their property keys in ordinal order and their kinds.</summary>
    public IReadOnlyDictionary<NodeLabel, SortedDictionary<string, PropertyKind>> Keys => keys;

    /// <summary>Nodes spooled.</summary>
    public int Count { get; private set; }

    /// <summary>Every property key of any label, with its kind (text where labels disagree).</summary>
    public SortedDictionary<string, PropertyKind> AllKeys()
    {
        var all = new SortedDictionary<string, PropertyKind>(StringComparer.Ordinal);
        foreach (var (key, kind) in keys.Values.SelectMany(k => k))
        {
            all[key] = all.TryGetValue(key, out var seen) ? ExportValues.Merge(seen, kind) : kind;
        }
        return all;
    }

    /// <exception cref="InvalidDataException">When a label or property key cannot be written as a name, or a value has an unsupported type.</exception>
    public static async Task<NodeSpool> FillAsync(IGraphStore store, string directory, CancellationToken ct)
    {
        var file = new FileStream(
            Path.Combine(directory, $".nodes-{Guid.NewGuid():N}.spool"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var spool = new NodeSpool(file);
        try
        {
            await using (var w = new Utf8JsonWriter(file, ExtractionJson.WriterOptions(indented: false)))
            {
                await foreach (var node in store.NodesAsync(ct).ConfigureAwait(false))
                {
                    spool.Learn(node);
                    JsonLinesWriter.WriteNode(w, node);
                    await w.FlushAsync(ct).ConfigureAwait(false);
                    file.WriteByte((byte)'\n');
                    w.Reset();
                }
            }
            return spool;
        }
        catch
        {
            await spool.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void Learn(GraphNode node)
    {
        ExportValues.Label(node.Label);
        labels.TryAdd(node.Id, node.Label);
        Count++;
        if (!keys.TryGetValue(node.Label, out var known))
        {
            keys[node.Label] = known = new SortedDictionary<string, PropertyKind>(StringComparer.Ordinal);
        }
        foreach (var (key, value) in node.Properties)
        {
            var kind = ExportValues.KindOf(value);
            known[ExportValues.PropertyKey(key)] = known.TryGetValue(key, out var seen) ? ExportValues.Merge(seen, kind) : kind;
        }
    }

    /// <summary>The spooled nodes, in the order the store gave them. Read once.</summary>
    public async IAsyncEnumerable<GraphNode> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await file.FlushAsync(ct).ConfigureAwait(false);
        file.Position = 0;
        using var reader = new StreamReader(file, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, 1 << 16, leaveOpen: true);
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            yield return Parse(line);
        }
    }

    private static GraphNode Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var label = NodeLabels.Parse(root.GetProperty("label").GetString()!)
            ?? throw new InvalidDataException("spooled node with an unknown label");
        return new GraphNode(
            root.GetProperty("id").GetString()!,
            label,
            root.GetProperty("name").GetString()!,
            root.GetProperty("ingested").GetBoolean(),
            GraphProperties.FromJson(root.GetProperty("properties").GetRawText()));
    }

    public ValueTask DisposeAsync() => file.DisposeAsync();
}
