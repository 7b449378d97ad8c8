using Graph.Model;

namespace Graph.Store;

/// <summary>What a graph holds, in numbers.</summary>
/// <param name="Sources">Language versions of documents loaded.</param>
/// <param name="Nodes">Nodes per label: all of them, and those whose own text was loaded.</param>
/// <param name="Edges">Edges per relationship type (one per origin, type and target).</param>
/// <param name="MostCitedTreaties">Treaties by the number of documents that cite them, most first.</param>
/// <param name="MostCitedDocuments">Resolutions, decisions and other documents likewise.</param>
public sealed record GraphStatistics(
    int Sources,
    IReadOnlyDictionary<NodeLabel, (int All, int Ingested)> Nodes,
    IReadOnlyDictionary<string, int> Edges,
    IReadOnlyList<CitedNode> MostCitedTreaties,
    IReadOnlyList<CitedNode> MostCitedDocuments);

/// <summary>A node and how many distinct documents cite it.</summary>
public sealed record CitedNode(string Id, NodeLabel Label, string Name, int CitedBy);
