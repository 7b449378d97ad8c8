namespace Graph.Model;

/// <summary>
/// A node as the graph holds it after every source has been merged: its canonical <see cref="Id"/>, label,
/// display name, whether its own text was loaded, and the rest of its properties.
/// </summary>
/// <param name="Id">The canonical id: a UN symbol (<c>A/RES/68/72</c>), a treaty id (<c>ccm</c>), <c>subject:…</c>, <c>series:…</c>.</param>
/// <param name="Label">The node's label.</param>
/// <param name="Name">A display name: the symbol, a treaty's title, a committee's name, "68th session".</param>
/// <param name="Ingested">True once the node's own text has been loaded; false for a node only cited so far.</param>
/// <param name="Properties">
/// Every other property, keyed by its graph name (<c>title_en</c>, <c>url</c>, <c>date</c> …). Values are
/// <see cref="string"/>, <see cref="long"/>, <see cref="bool"/> or a list of strings; see <see cref="GraphProperties"/>.
/// </param>
public sealed record GraphNode(string Id, NodeLabel Label, string Name, bool Ingested, IReadOnlyDictionary<string, object> Properties)
{
    /// <summary>A property as a string, or null when absent or not a string.</summary>
    public string? Text(string key) => Properties.TryGetValue(key, out var v) ? v as string : null;
}
