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

    /// <summary>The distinct surfaces of the evidence, in evidence order: the words an analyst reads on the edge.</summary>
    public IReadOnlyList<string> Surfaces => [.. Evidence.Select(e => e.Surface).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>The distinct pinpoints of the evidence (<c>para. 96</c>), in evidence order.</summary>
    public IReadOnlyList<string> Pinpoints => [.. Evidence.Select(e => e.Pinpoint).OfType<string>().Distinct(StringComparer.Ordinal)];
}
