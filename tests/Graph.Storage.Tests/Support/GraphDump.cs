using System.Globalization;
using System.Text;
using Graph.Model;
using Graph.Store;

namespace Graph.Storage.Tests.Support;

/// <summary>
/// Everything a store holds, read through <see cref="IGraphStore"/> alone: every node with its properties and every
/// edge with its evidence. <see cref="ToString"/> writes it in one canonical order (nodes by id, edges by origin,
/// type and target, evidence by its JSON), so two stores holding the same graph give the same text.
/// </summary>
internal sealed class GraphDump
{
    private GraphDump(IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges)
    {
        Nodes = nodes;
        Edges = edges;
    }

    public IReadOnlyList<GraphNode> Nodes { get; }

    public IReadOnlyList<GraphEdge> Edges { get; }

    public static async Task<GraphDump> ReadAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        var nodes = new List<GraphNode>();
        await foreach (var node in store.NodesAsync(cancellationToken))
        {
            nodes.Add(node);
        }
        var edges = new List<GraphEdge>();
        await foreach (var edge in store.EdgesAsync(cancellationToken))
        {
            edges.Add(edge);
        }
        return new GraphDump(nodes, edges);
    }

    /// <summary>
    /// The same graph without the nodes and the pieces of evidence that match; an edge left without evidence is
    /// left out too. What a store should hold once a source stops saying something.
    /// </summary>
    public GraphDump Without(Func<GraphNode, bool>? node = null, Func<GraphEdge, Evidence, bool>? evidence = null)
    {
        node ??= _ => false;
        evidence ??= (_, _) => false;
        return new GraphDump(
            [.. Nodes.Where(n => !node(n))],
            [.. Edges
                .Select(edge => edge with { Evidence = [.. edge.Evidence.Where(e => !evidence(edge, e))] })
                .Where(edge => edge.Evidence.Count > 0)]);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var node in Nodes.OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"({node.Label} {node.Id} name=\"{node.Name}\"{(node.Ingested ? " ingested" : "")}) ")
                .Append(GraphProperties.ToJson(node.Properties))
                .Append('\n');
        }
        text.Append(Write(Edges));
        return text.ToString();
    }

    /// <summary>Edges and their evidence in the canonical order and form of <see cref="ToString"/>.</summary>
    public static string Write(IEnumerable<GraphEdge> edges)
    {
        var text = new StringBuilder();
        foreach (var edge in edges.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"[{edge.From} -{edge.Type}-> {edge.To}]\n");
            foreach (string evidence in edge.Evidence.Select(GraphProperties.EvidenceJson).Order(StringComparer.Ordinal))
            {
                text.Append("    ").Append(evidence).Append('\n');
            }
        }
        return text.ToString();
    }
}
