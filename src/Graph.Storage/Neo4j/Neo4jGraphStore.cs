using System.Runtime.CompilerServices;
using System.Text.Json;
using Graph.Model;
using Graph.Storage.Neo4j.Http;
using Graph.Store;

namespace Graph.Storage.Neo4j;

/// <summary>
/// The graph in a Neo4j server, spoken to over its HTTP API (the Query API on 5.26 and later, the older
/// transactional endpoint before). Nodes carry one label of the model and are keyed by <c>id</c>; relationships
/// carry their evidence; beside them, bookkeeping nodes (<c>Neo4j/Cypher/bookkeeping.cypher</c>) remember what
/// each loaded document said, so that loading a document again replaces exactly that.
/// </summary>
/// <remarks>
/// Connects on first use: discovers the server, then creates the schema (<c>cypher/schema.cypher</c> and the
/// bookkeeping indexes; every statement says IF NOT EXISTS). A batch is one explicit transaction, retried as a
/// whole on a transient error; the retry is safe because loading replaces.
/// </remarks>
public sealed class Neo4jGraphStore : IGraphStore
{
    /// <summary>Rows per page when streaming every node or edge.</summary>
    private const int PageSize = 2000;

    private readonly Neo4jSettings settings;
    private readonly HttpMessageHandler? handler;
    private Neo4jClient? client;

    /// <summary>A store on the server the settings name; nothing is sent until the first call.</summary>
    /// <param name="settings">Where and as whom to connect.</param>
    /// <param name="handler">The HTTP handler to send through; null for the default one.</param>
    public Neo4jGraphStore(Neo4jSettings settings, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        this.handler = handler;
    }

    public string Address => settings.Address;

    public async Task LoadAsync(IReadOnlyList<DocumentGraph> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }
        var connected = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await connected.RunInTransactionAsync(
            async (tx, ct) =>
            {
                var load = new Neo4jBatch(tx, ct);
                foreach (var document in batch)
                {
                    ct.ThrowIfCancellationRequested();
                    await load.ReplaceAsync(document).ConfigureAwait(false);
                }
                await load.MergeAffectedNodesAsync().ConfigureAwait(false);
                await load.DeriveSeriesAsync().ConfigureAwait(false);
                await load.MergeAffectedNodesAsync().ConfigureAwait(false);
                await load.WriteRelationshipsAsync().ConfigureAwait(false);
                return true;
            },
            write: true,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, string>> LoadedFilesAsync(CancellationToken cancellationToken = default)
    {
        var records = await ReadAsync((tx, ct) => tx.RunAsync(Neo4jStatements.Get("loaded-files"), null, ct), cancellationToken).ConfigureAwait(false);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in records.Each())
        {
            string file = row.Text("file");
            string hash = row.TextOrNull("hash") ?? "";
            // Two language versions in one file would be one file; keep the hash that sorts last, as SQLite's max() does.
            if (!files.TryGetValue(file, out string? known) || string.CompareOrdinal(hash, known) > 0)
            {
                files[file] = hash;
            }
        }
        return files;
    }

    public async Task<GraphNode?> FindNodeAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return await ReadAsync(async (tx, ct) => (await FindAsync(tx, [id], resolve: true, ct).ConfigureAwait(false)).GetValueOrDefault(id), cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<GraphEdge>> OutgoingAsync(string id, CancellationToken cancellationToken = default) => EdgesOfAsync(id, outgoing: true, cancellationToken);

    public Task<IReadOnlyList<GraphEdge>> IncomingAsync(string id, CancellationToken cancellationToken = default) => EdgesOfAsync(id, outgoing: false, cancellationToken);

    private async Task<IReadOnlyList<GraphEdge>> EdgesOfAsync(string id, bool outgoing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return await ReadAsync<IReadOnlyList<GraphEdge>>(
            async (tx, ct) =>
            {
                if ((await FindAsync(tx, [id], resolve: true, ct).ConfigureAwait(false)).GetValueOrDefault(id) is not { } node)
                {
                    return [];
                }
                var records = await tx.RunAsync(
                    Neo4jStatements.For(outgoing ? "outgoing" : "incoming", node.Label),
                    new Dictionary<string, object?> { ["id"] = node.Id },
                    ct).ConfigureAwait(false);
                return [.. records.Each()
                    .Select(row => outgoing
                        ? new GraphEdge(node.Id, row.Text("type"), row.Text("other"), ReadEvidence(row))
                        : new GraphEdge(row.Text("other"), row.Text("type"), node.Id, ReadEvidence(row)))
                    .OrderBy(e => e.Type, StringComparer.Ordinal)
                    .ThenBy(e => outgoing ? e.To : e.From, StringComparer.Ordinal)];
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<GraphNode> NodesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var label in NodeLabels.All.OrderBy(l => l.ToString(), StringComparer.Ordinal))
        {
            string after = "";
            while (true)
            {
                var page = await ReadAsync(
                    (tx, ct) => tx.RunAsync(
                        Neo4jStatements.For("nodes-page", label),
                        new Dictionary<string, object?> { ["after"] = after, ["limit"] = (long)PageSize },
                        ct),
                    cancellationToken).ConfigureAwait(false);
                foreach (var row in page.Each())
                {
                    var node = ReadNode(label, row["props"]);
                    after = node.Id;
                    yield return node;
                }
                if (page.Rows.Count < PageSize)
                {
                    break;
                }
            }
        }
    }

    public async IAsyncEnumerable<GraphEdge> EdgesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        (string From, string Type, string To) last = ("", "", "");
        while (true)
        {
            var page = await ReadAsync(
                (tx, ct) => tx.RunAsync(
                    Neo4jStatements.Get("edges-page"),
                    new Dictionary<string, object?> { ["fromId"] = last.From, ["type"] = last.Type, ["toId"] = last.To, ["limit"] = (long)PageSize },
                    ct),
                cancellationToken).ConfigureAwait(false);
            foreach (var row in page.Each())
            {
                var edge = new GraphEdge(row.Text("fromId"), row.Text("type"), row.Text("toId"), ReadEvidence(row));
                last = (edge.From, edge.Type, edge.To);
                yield return edge;
            }
            if (page.Rows.Count < PageSize)
            {
                break;
            }
        }
    }

    public async Task<GraphStatistics> StatisticsAsync(int top = 10, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        return await ReadAsync(
            async (tx, ct) =>
            {
                var sources = (int)(await tx.RunAsync(Neo4jStatements.Get("count-sources"), null, ct).ConfigureAwait(false)).Each().Single().Number("sources");
                var nodes = new Dictionary<NodeLabel, (int, int)>();
                foreach (var label in NodeLabels.All)
                {
                    var row = (await tx.RunAsync(Neo4jStatements.For("count-nodes", label), null, ct).ConfigureAwait(false)).Each().Single();
                    if (row.Number("total") > 0)
                    {
                        nodes[label] = ((int)row.Number("total"), (int)row.Number("ingested"));
                    }
                }
                var edges = new SortedDictionary<string, int>(StringComparer.Ordinal);
                foreach (var row in (await tx.RunAsync(Neo4jStatements.Get("count-relationships"), null, ct).ConfigureAwait(false)).Each())
                {
                    edges[row.Text("type")] = (int)row.Number("total");
                }
                var treaties = await MostCitedAsync(tx, [NodeLabel.Treaty], top, ct).ConfigureAwait(false);
                var documents = await MostCitedAsync(tx, [NodeLabel.Resolution, NodeLabel.Decision, NodeLabel.Document], top, ct).ConfigureAwait(false);
                return new GraphStatistics(sources, nodes, edges, treaties, documents);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        client?.Dispose();
        client = null;
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The current label of each node that exists, by id (or, when <paramref name="resolve"/>, by a part of its
    /// joint symbol; the key is then the id asked for).
    /// </summary>
    internal static async Task<Dictionary<string, NodeLabel>> LabelsAsync(Neo4jTransaction tx, IReadOnlyList<string> ids, bool resolve, CancellationToken ct) =>
        (await FindAsync(tx, ids, resolve, ct).ConfigureAwait(false)).ToDictionary(n => n.Key, n => n.Value.Label, StringComparer.Ordinal);

    private static async Task<Dictionary<string, GraphNode>> FindAsync(Neo4jTransaction tx, IReadOnlyList<string> ids, bool resolve, CancellationToken ct)
    {
        var found = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }
        var records = await tx.RunAsync(
            Neo4jStatements.Get("find-nodes"),
            new Dictionary<string, object?> { ["ids"] = ids, ["resolve"] = resolve },
            ct).ConfigureAwait(false);
        foreach (var row in records.Each())
        {
            if (row.Texts("labels").Select(NodeLabels.Parse).FirstOrDefault(l => l is not null) is { } label)
            {
                found[row.Text("id")] = ReadNode(label, row["props"]);
            }
        }
        return found;
    }

    private static async Task<IReadOnlyList<CitedNode>> MostCitedAsync(Neo4jTransaction tx, NodeLabel[] labels, int top, CancellationToken ct)
    {
        var records = await tx.RunAsync(
            Neo4jStatements.Get("most-cited"),
            new Dictionary<string, object?>
            {
                ["labels"] = labels.Select(l => l.ToString()).ToList(),
                ["structural"] = EdgeTypes.Structural,
                ["top"] = (long)top,
            },
            ct).ConfigureAwait(false);
        return [.. records.Each().Select(row => new CitedNode(
            row.Text("id"), NodeLabels.Parse(row.Text("label")) ?? NodeLabel.Document, row.TextOrNull("name") ?? row.Text("id"), (int)row.Number("cited")))];
    }

    /// <summary>A node from its Neo4j properties: id, name and ingested are fields, the rest its properties.</summary>
    private static GraphNode ReadNode(NodeLabel label, JsonElement props)
    {
        var properties = GraphProperties.FromJson(props);
        string id = properties.Remove("id", out object? key) && key is string text ? text : throw new InvalidDataException("a node without an id");
        string name = properties.Remove("name", out object? n) && n is string s ? s : id;
        bool ingested = properties.Remove("ingested", out object? i) && i is true;
        return new GraphNode(id, label, name, ingested, properties);
    }

    private static List<Evidence> ReadEvidence(Neo4jRow row) => [.. row.Texts("evidence").Select(GraphProperties.EvidenceFromJson)];

    private async Task<T> ReadAsync<T>(Func<Neo4jTransaction, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var connected = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await connected.RunInTransactionAsync(read, write: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Discovers the server and creates the schema, once per store.</summary>
    private async Task<Neo4jClient> ConnectAsync(CancellationToken cancellationToken)
    {
        if (client is not null)
        {
            return client;
        }
        var connected = await Neo4jClient.ConnectAsync(settings, handler, cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (string statement in Neo4jStatements.Schema)
            {
                await connected.RunAsync(statement, null, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (GraphStoreException e) when (e is not GraphStoreUnavailableException)
        {
            // Refused credentials, a missing database, a read-only server: no document is to blame, and none
            // would load, so callers treat it as a store they cannot use.
            connected.Dispose();
            throw new GraphStoreUnavailableException(e.Message, e);
        }
        catch
        {
            connected.Dispose();
            throw;
        }
        return client = connected;
    }
}
