using System.Reflection;

namespace Graph.Store;

/// <summary>
/// <c>cypher/schema.cypher</c>, embedded: the constraints and indexes of the graph, the same for the Neo4j store,
/// the Cypher export and the analysts who run the file themselves.
/// </summary>
public static class GraphSchema
{
    private static readonly Lazy<string> Text = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Graph.Store.schema.cypher")
            ?? throw new InvalidOperationException("schema.cypher is not embedded in Graph.Core");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The whole file, comments included.</summary>
    public static string Cypher => Text.Value;

    /// <summary>The statements of the file, without comments or the final semicolons, in order.</summary>
    public static IReadOnlyList<string> Statements { get; } = [.. Cypher
        .Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))
        .Select(line => line.TrimEnd(';'))];
}
