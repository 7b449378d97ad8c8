using Graph.Model;
using Graph.Store;

namespace Graph.Queries;

/// <summary>
/// The resolutions and decisions that precede a given one: those it cites (recalls, reaffirms, takes note of
/// …), and the earlier members of its series; at a depth above one, the same again from each of them. Edges
/// that only place a document (its meeting, session, committee report, agenda) are not followed.
/// </summary>
public static class Precedents
{
    /// <summary>Walks back from <paramref name="id"/>; null when the store has no such node.</summary>
    /// <param name="store">The graph.</param>
    /// <param name="id">A resolution or decision symbol (any node works; only resolutions and decisions are returned).</param>
    /// <param name="depth">How many steps back: 1 for what the document itself cites and its series.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>Each precedent once, by its shortest chain; newest first, undated ones last, then by id.</returns>
    public static async Task<IReadOnlyList<Precedent>?> FindAsync(IGraphStore store, string id, int depth = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        var start = await store.FindNodeAsync(id, cancellationToken).ConfigureAwait(false);
        if (start is null)
        {
            return null;
        }
        var nodes = new Dictionary<string, GraphNode?>(StringComparer.Ordinal) { [start.Id] = start };
        async Task<GraphNode?> Node(string key)
        {
            if (!nodes.TryGetValue(key, out var node))
            {
                nodes[key] = node = await store.FindNodeAsync(key, cancellationToken).ConfigureAwait(false);
            }
            return node;
        }

        var chains = new Dictionary<string, IReadOnlyList<PrecedentStep>>(StringComparer.Ordinal) { [start.Id] = [] };
        var found = new List<Precedent>();
        var frontier = new List<GraphNode> { start };
        for (int level = 1; level <= depth && frontier.Count > 0; level++)
        {
            var next = new List<GraphNode>();
            foreach (var from in frontier)
            {
                foreach (var (step, to) in await StepsAsync(store, from, Node, cancellationToken).ConfigureAwait(false))
                {
                    if (chains.ContainsKey(to.Id))
                    {
                        continue;
                    }
                    var chain = chains[from.Id].Append(step).ToList();
                    chains[to.Id] = chain;
                    found.Add(new Precedent(to, chain));
                    next.Add(to);
                }
            }
            frontier = next;
        }
        return [.. found
            .OrderBy(p => p.Node.Text("date") is null)
            .ThenByDescending(p => p.Node.Text("date"), StringComparer.Ordinal)
            .ThenBy(p => p.Node.Id, StringComparer.Ordinal)];
    }

    /// <summary>One step back from a node: each resolution or decision it cites, each earlier member of its series.</summary>
    private static async Task<List<(PrecedentStep, GraphNode)>> StepsAsync(
        IGraphStore store, GraphNode from, Func<string, Task<GraphNode?>> node, CancellationToken cancellationToken)
    {
        var steps = new List<(PrecedentStep, GraphNode)>();
        string? date = from.Text("date");
        // When a document both recalls and merely cites a precedent, the chain names the specific verb: plain
        // CITES edges come last, and the first edge to reach a node is the one its chain keeps.
        var outgoing = (await store.OutgoingAsync(from.Id, cancellationToken).ConfigureAwait(false))
            .OrderBy(e => e.Type == EdgeTypes.Cites);
        foreach (var edge in outgoing)
        {
            if (EdgeTypes.IsCitation(edge.Type) && await node(edge.To).ConfigureAwait(false) is { Label: NodeLabel.Resolution or NodeLabel.Decision } to)
            {
                steps.Add((new PrecedentStep(from.Id, edge.Type, to.Id, null), to));
            }
            else if (edge.Type == EdgeTypes.InSeries && date is not null && await node(edge.To).ConfigureAwait(false) is { } series)
            {
                foreach (var member in await store.IncomingAsync(series.Id, cancellationToken).ConfigureAwait(false))
                {
                    if (member.Type == EdgeTypes.InSeries && member.From != from.Id
                        && await node(member.From).ConfigureAwait(false) is { } earlier
                        && earlier.Text("date") is { } earlierDate && string.CompareOrdinal(earlierDate, date) < 0)
                    {
                        steps.Add((new PrecedentStep(from.Id, PrecedentStep.SameSeries, earlier.Id, series), earlier));
                    }
                }
            }
        }
        return steps;
    }
}

/// <summary>A resolution or decision that precedes the one asked about, with the chain that leads to it.</summary>
/// <param name="Node">The precedent.</param>
/// <param name="Chain">The steps from the document asked about to the precedent; the first starts at that document.</param>
public sealed record Precedent(GraphNode Node, IReadOnlyList<PrecedentStep> Chain);

/// <summary>One step of a chain: a citation edge, or membership of the same series.</summary>
/// <param name="From">The later document.</param>
/// <param name="Type">The relationship type, or <see cref="SameSeries"/>.</param>
/// <param name="To">The earlier document.</param>
/// <param name="Series">For a series step, the series.</param>
public sealed record PrecedentStep(string From, string Type, string To, GraphNode? Series)
{
    /// <summary>The step type for an earlier member of the same series.</summary>
    public const string SameSeries = "SAME_SERIES";
}
