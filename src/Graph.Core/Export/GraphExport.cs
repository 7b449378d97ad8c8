using Graph.Store;

namespace Graph.Export;

/// <summary>
/// Writes a whole graph to files another tool can load: a Cypher script, CSV files for <c>neo4j-admin database
/// import</c>, GraphML for Gephi, yEd and Cytoscape, or JSON lines. Every format carries the same content: a
/// node's id, name, <c>ingested</c> flag and properties; an edge's type, endpoints, <c>count</c>,
/// <c>languages</c>, <c>surfaces</c>, <c>pinpoints</c> and its evidence.
/// </summary>
/// <remarks>
/// The store's nodes and edges are each read once. Nodes' ids and labels are held in memory (to resolve edge
/// endpoints); formats whose headers depend on every node's property keys spool nodes to a temporary file in
/// the output directory, deleted when the export ends. Edges are never held.
/// </remarks>
public static class GraphExport
{
    /// <summary>The format names <see cref="WriteAsync"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Formats = ["cypher", "neo4j-admin", "graphml", "jsonl"];

    /// <summary>
    /// Writes the graph in <paramref name="format"/> into <paramref name="directory"/>, which is created if
    /// needed; files of the same names are replaced.
    /// </summary>
    /// <returns>The files written, the counts, and the command to run next.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="format"/> is not one of <see cref="Formats"/>.</exception>
    /// <exception cref="InvalidDataException">
    /// When the store yields a label, relationship type or property key that cannot be written as a name
    /// (these come from our own code, never from documents' text), or a property value of an unsupported type.
    /// Text from documents never causes an exception: each writer escapes it, or replaces characters its
    /// format cannot hold with U+FFFD.
    /// </exception>
    public static async Task<ExportResult> WriteAsync(IGraphStore store, string format, string directory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(directory);
        if (!Formats.Contains(format, StringComparer.Ordinal))
        {
            throw new ArgumentException($"unknown export format '{format}'; valid formats: {string.Join(", ", Formats)}", nameof(format));
        }
        string full = Path.GetFullPath(directory);
        Directory.CreateDirectory(full);
        return format switch
        {
            "cypher" => await CypherScriptWriter.WriteAsync(store, full, ct).ConfigureAwait(false),
            "neo4j-admin" => await Neo4jAdminCsvWriter.WriteAsync(store, full, ct).ConfigureAwait(false),
            "graphml" => await GraphMlWriter.WriteAsync(store, full, ct).ConfigureAwait(false),
            _ => await JsonLinesWriter.WriteAsync(store, full, ct).ConfigureAwait(false),
        };
    }
}
