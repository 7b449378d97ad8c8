namespace Graph.Export;

/// <summary>What an export wrote.</summary>
/// <param name="Files">The files written, as full paths, in the order a reader would open them.</param>
/// <param name="Nodes">Nodes written.</param>
/// <param name="Edges">Relationships written.</param>
/// <param name="Command">The shell command to run next (the <c>neo4j-admin</c> import, <c>cypher-shell</c>), or null.</param>
/// <param name="SkippedEdges">
/// Relationships left out because an endpoint was not among the exported nodes. A store should never hold one;
/// a non-zero count means the store is inconsistent, not that the export failed.
/// </param>
public sealed record ExportResult(IReadOnlyList<string> Files, int Nodes, int Edges, string? Command, int SkippedEdges = 0);
