namespace Graph.Model;

/// <summary>
/// One relationship of the graph: at most one per (from, type, to), whatever the number of sources and
/// language versions that state it; each of them is a piece of <see cref="Evidence"/>.
/// </summary>
/// <param name="From">The id of the node the edge starts at.</param>
/// <param name="Type">The relationship type (<see cref="EdgeTypes"/>).</param>
/// <param name="To">The id of the node the edge ends at.</param>
/// <param name="Evidence">Every statement of the edge, ordered by source, then offset.</param>
public sealed record GraphEdge(string From, string Type, string To, IReadOnlyList<Evidence> Evidence)
{
    /// <summary>The languages the edge is stated in, sorted.</summary>
    public IReadOnlyList<string> Languages => [.. Evidence.Select(e => e.Language).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
