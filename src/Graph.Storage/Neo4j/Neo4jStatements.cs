using System.Reflection;
using System.Text;
using Graph.Model;

namespace Graph.Storage.Neo4j;

/// <summary>
/// The Cypher the Neo4j store sends, read from the embedded files <c>Neo4j/Cypher/*.cypher</c> (which CI lints).
/// A statement is named by a <c>// name: …</c> line; the bookkeeping file's statements are unnamed, one a line.
/// </summary>
internal static class Neo4jStatements
{
    private static readonly Dictionary<string, string> Named = Load("load", "read")
        .ToDictionary(s => s.Name!, s => s.Text, StringComparer.Ordinal);

    /// <summary>The statements that prepare a database: the graph's constraints, then the bookkeeping indexes.</summary>
    public static IReadOnlyList<string> Schema { get; } =
        [.. Graph.Store.GraphSchema.Statements, .. Load("bookkeeping").Select(s => s.Text)];

    /// <summary>The statement of that name, with no placeholder.</summary>
    public static string Get(string name) =>
        Named.TryGetValue(name, out string? text) ? text : throw new KeyNotFoundException($"no Cypher statement named '{name}'");

    /// <summary>The statement with <c>`__LABEL__`</c> replaced by the label.</summary>
    public static string For(string name, NodeLabel label) => Get(name).Replace("`__LABEL__`", Escape(label.ToString()), StringComparison.Ordinal);

    /// <summary>The statement with <c>`__LABEL__`</c> and <c>`__NEW_LABEL__`</c> replaced.</summary>
    public static string For(string name, NodeLabel label, NodeLabel newLabel) =>
        For(name, label).Replace("`__NEW_LABEL__`", Escape(newLabel.ToString()), StringComparison.Ordinal);

    /// <summary>The statement with the relationship's end labels and type in place.</summary>
    public static string For(string name, NodeLabel from, string type, NodeLabel to) =>
        Get(name)
            .Replace("`__FROM__`", Escape(from.ToString()), StringComparison.Ordinal)
            .Replace("`__TO__`", Escape(to.ToString()), StringComparison.Ordinal)
            .Replace("`__TYPE__`", Escape(type), StringComparison.Ordinal);

    /// <summary>
    /// A name as a Cypher escaped identifier. Labels come from <see cref="NodeLabel"/> and types from
    /// <see cref="EdgeTypes"/>, never from a document; escaping still guarantees that no name can end the
    /// identifier early.
    /// </summary>
    public static string Escape(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    private static IEnumerable<(string? Name, string Text)> Load(params string[] files)
    {
        foreach (string file in files)
        {
            string resource = $"Graph.Storage.Neo4j.Cypher.{file}.cypher";
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"{resource} is not embedded in Graph.Storage");
            using var reader = new StreamReader(stream);
            string? name = null;
            var text = new StringBuilder();
            while (reader.ReadLine() is { } line)
            {
                string trimmed = line.Trim();
                if (trimmed.StartsWith("// name:", StringComparison.Ordinal))
                {
                    name = trimmed["// name:".Length..].Trim();
                    continue;
                }
                if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }
                text.Append(text.Length == 0 ? "" : "\n").Append(line.TrimEnd());
                if (trimmed.EndsWith(';'))
                {
                    text.Length--;
                    yield return (name, text.ToString());
                    name = null;
                    text.Clear();
                }
            }
        }
    }
}
