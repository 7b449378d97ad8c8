using System.Globalization;
using System.Text;
using Graph.Model;
using Graph.Store;

namespace Graph.Export;

/// <summary>
/// <c>graph.cypher</c>, for <c>cypher-shell -f graph.cypher</c> against an empty or an existing database. Running
/// it twice gives the same graph: the schema statements say IF NOT EXISTS, nodes are merged on (label, id),
/// relationships on (start, type, end), and properties are set, not added to.
/// </summary>
/// <remarks>
/// Order: the statements of <c>cypher/schema.cypher</c> (constraints first, so MERGE finds nodes by index);
/// then nodes, one <c>UNWIND</c> of at most <see cref="BatchSize"/> rows per statement and label; then
/// relationships likewise per (start label, type, end label), so both endpoints are matched through their
/// label's id constraint. Values are written as Cypher literals, not parameters, because cypher-shell runs a
/// file without any: strings are single-quoted with backslash escapes (Cypher Manual, "Note on string
/// literals"), and no raw control character reaches the file.
/// </remarks>
internal static class CypherScriptWriter
{
    public const string FileName = "graph.cypher";

    /// <summary>Rows per statement: large enough to be fast, small enough for one transaction's memory.</summary>
    public const int BatchSize = 500;

    public static async Task<ExportResult> WriteAsync(IGraphStore store, string directory, CancellationToken ct)
    {
        string path = Path.Combine(directory, FileName);
        var labels = new Dictionary<string, NodeLabel>(StringComparer.Ordinal);
        int nodes, edges, skipped;
        await using (var file = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16))
        {
            file.NewLine = "\n";
            await file.WriteLineAsync("// The graph, exported by `graph export --format cypher`. Run: cypher-shell -f graph.cypher".AsMemory(), ct).ConfigureAwait(false);
            await file.WriteLineAsync("// Idempotent: every statement merges, so running it again changes nothing.".AsMemory(), ct).ConfigureAwait(false);
            foreach (string statement in GraphSchema.Statements)
            {
                await file.WriteLineAsync((statement + ";").AsMemory(), ct).ConfigureAwait(false);
            }
            nodes = await WriteNodesAsync(store, file, labels, ct).ConfigureAwait(false);
            (edges, skipped) = await WriteRelationshipsAsync(store, file, labels, ct).ConfigureAwait(false);
        }
        return new ExportResult([path], nodes, edges, $"cypher-shell -f {ShellWords.Quote(path)}", skipped);
    }

    /// <summary>Writes every node, batched per label, and records each id's label.</summary>
    private static async Task<int> WriteNodesAsync(IGraphStore store, StreamWriter file, Dictionary<string, NodeLabel> labels, CancellationToken ct)
    {
        int nodes = 0;
        var batches = new SortedDictionary<NodeLabel, List<string>>();
        await foreach (var node in store.NodesAsync(ct).ConfigureAwait(false))
        {
            string label = ExportValues.Label(node.Label);
            labels.TryAdd(node.Id, node.Label);
            if (!batches.TryGetValue(node.Label, out var rows))
            {
                batches[node.Label] = rows = [];
            }
            rows.Add(NodeRow(node));
            nodes++;
            if (rows.Count == BatchSize)
            {
                await file.WriteAsync(NodeStatement(label, rows).AsMemory(), ct).ConfigureAwait(false);
                rows.Clear();
            }
        }
        foreach (var (label, rows) in batches.Where(b => b.Value.Count > 0))
        {
            await file.WriteAsync(NodeStatement(label.ToString(), rows).AsMemory(), ct).ConfigureAwait(false);
        }
        return nodes;
    }

    /// <summary>Writes every edge whose ends are known, batched per (start label, type, end label).</summary>
    private static async Task<(int Edges, int Skipped)> WriteRelationshipsAsync(IGraphStore store, StreamWriter file, Dictionary<string, NodeLabel> labels, CancellationToken ct)
    {
        int edges = 0, skipped = 0;
        var batches = new Dictionary<(NodeLabel From, string Type, NodeLabel To), List<string>>();
        await foreach (var edge in store.EdgesAsync(ct).ConfigureAwait(false))
        {
            string type = ExportValues.RelationshipType(edge.Type);
            if (!labels.TryGetValue(edge.From, out var from) || !labels.TryGetValue(edge.To, out var to))
            {
                skipped++;
                continue;
            }
            var group = (from, type, to);
            if (!batches.TryGetValue(group, out var rows))
            {
                batches[group] = rows = [];
            }
            rows.Add(RelationshipRow(edge));
            edges++;
            if (rows.Count == BatchSize)
            {
                await file.WriteAsync(RelationshipStatement(group, rows).AsMemory(), ct).ConfigureAwait(false);
                rows.Clear();
            }
        }
        var rest = batches
            .Where(b => b.Value.Count > 0)
            .OrderBy(b => b.Key.From)
            .ThenBy(b => b.Key.Type, StringComparer.Ordinal)
            .ThenBy(b => b.Key.To);
        foreach (var (group, rows) in rest)
        {
            await file.WriteAsync(RelationshipStatement(group, rows).AsMemory(), ct).ConfigureAwait(false);
        }
        return (edges, skipped);
    }

    private static string NodeStatement(string label, List<string> rows) =>
        $"UNWIND [\n{string.Join(",\n", rows)}\n] AS row\nMERGE (n:{label} {{id: row.id}})\nSET n += row.props;\n";

    private static string RelationshipStatement((NodeLabel From, string Type, NodeLabel To) group, List<string> rows) =>
        $"UNWIND [\n{string.Join(",\n", rows)}\n] AS row\n"
        + $"MATCH (a:{group.From} {{id: row.from}})\nMATCH (b:{group.To} {{id: row.to}})\n"
        + $"MERGE (a)-[r:{group.Type}]->(b)\nSET r += row.props;\n";

    private static string NodeRow(GraphNode node)
    {
        var s = new StringBuilder("{id: ");
        AppendString(s, node.Id);
        s.Append(", props: {name: ");
        AppendString(s, node.Name);
        s.Append(", ingested: ").Append(node.Ingested ? "true" : "false");
        foreach (var (key, value) in node.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            s.Append(", ").Append(ExportValues.PropertyKey(key)).Append(": ");
            AppendValue(s, value);
        }
        return s.Append("}}").ToString();
    }

    private static string RelationshipRow(GraphEdge edge)
    {
        var s = new StringBuilder("{from: ");
        AppendString(s, edge.From);
        s.Append(", to: ");
        AppendString(s, edge.To);
        s.Append(", props: {count: ").Append(edge.Evidence.Count.ToString(CultureInfo.InvariantCulture));
        s.Append(", languages: ");
        AppendValue(s, edge.Languages);
        s.Append(", surfaces: ");
        AppendValue(s, edge.Surfaces);
        s.Append(", pinpoints: ");
        AppendValue(s, edge.Pinpoints);
        s.Append(", evidence: ");
        AppendValue(s, ExportValues.EvidenceJson(edge));
        return s.Append("}}").ToString();
    }

    private static void AppendValue(StringBuilder s, object value)
    {
        switch (ExportValues.KindOf(value))
        {
            case PropertyKind.Text:
                AppendString(s, (string)value);
                break;
            case PropertyKind.TextList:
                s.Append('[');
                bool first = true;
                foreach (string item in (IEnumerable<string>)value)
                {
                    s.Append(first ? "" : ", ");
                    AppendString(s, item);
                    first = false;
                }
                s.Append(']');
                break;
            default:
                s.Append(ExportValues.AsText(value, ""));
                break;
        }
    }

    /// <summary>
    /// A single-quoted Cypher string literal. Backslash and quote are escaped, line breaks and tabs by their
    /// letter, every other control character (C0, DEL, C1, and the Unicode line and paragraph separators, which
    /// some tools treat as line ends) as <c>\uXXXX</c>. An unpaired surrogate becomes U+FFFD, as in every format.
    /// </summary>
    public static void AppendString(StringBuilder s, string text)
    {
        s.Append('\'');
        foreach (char c in ExportValues.PairedSurrogates(text))
        {
            switch (c)
            {
                case '\\': s.Append(@"\\"); break;
                case '\'': s.Append(@"\'"); break;
                case '\n': s.Append(@"\n"); break;
                case '\r': s.Append(@"\r"); break;
                case '\t': s.Append(@"\t"); break;
                case < ' ' or (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029':
                    s.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: s.Append(c); break;
            }
        }
        s.Append('\'');
    }
}
