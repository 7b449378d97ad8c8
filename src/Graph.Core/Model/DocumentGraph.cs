namespace Graph.Model;

/// <summary>
/// Everything one language version of one document says, as graph facts: the nodes it names (its own with
/// <see cref="NodeClaim.Own"/> set) and the edges it states. Loading it replaces whatever the same source (or
/// the same file) said before and nothing else.
/// </summary>
public sealed record DocumentGraph
{
    /// <summary>The source key, the document's symbol and language: <c>A/RES/68/72@zh</c>.</summary>
    public required string Source { get; init; }

    public required string File { get; init; }

    public required string Language { get; init; }

    /// <summary>The canonical id of the document's own node.</summary>
    public required string Symbol { get; init; }

    /// <summary>The label of the document's own node.</summary>
    public required NodeLabel Label { get; init; }

    public required IReadOnlyList<NodeClaim> Nodes { get; init; }

    public required IReadOnlyList<EdgeClaim> Edges { get; init; }

    /// <summary>Other ids of nodes this source names: each part of a joint symbol → the joint symbol.</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>();

    /// <summary>How many references the extractor found (the summary counts them).</summary>
    public int References { get; init; }

    /// <summary>
    /// The SHA-256 of the file's bytes (<see cref="Building.GraphBuilder.ContentHash"/>), recorded with the source in
    /// the same transaction as the graph: the journal that lets a long-running loader skip a file it has already
    /// loaded unchanged. Null when the caller does not keep one.
    /// </summary>
    public string? ContentHash { get; init; }
}

/// <summary>What one source says about one node.</summary>
/// <param name="Id">The node's canonical id.</param>
/// <param name="Label">The label this source gives it.</param>
/// <param name="Own">True when the node is the source's own document (so the node is ingested).</param>
/// <param name="Properties">Properties this source states; the same value types as <see cref="GraphNode.Properties"/>.</param>
public sealed record NodeClaim(string Id, NodeLabel Label, bool Own, IReadOnlyDictionary<string, object> Properties);

/// <summary>One statement of an edge by one source.</summary>
public sealed record EdgeClaim(string From, string Type, string To, Evidence Evidence);
