using Graph.Model;

namespace Graph.Building;

/// <summary>
/// Merges what every source says about a node into the node the graph shows. The rule, the same in every
/// store: the node's own texts speak first (a resolution's own header outranks how others cite it), then
/// citing sources in ordinal order of their keys; the first source to state a single value wins, and lists
/// (<c>languages</c>, <c>files</c>) are the sorted union of all of them. The name and undocs.org links are
/// computed last, from the merged properties.
/// </summary>
public static class NodeMerger
{
    /// <summary>Merges the claims made about one node; null when there are none.</summary>
    /// <param name="id">The node's id.</param>
    /// <param name="claims">Each claim with the key of the source that made it, in any order.</param>
    public static GraphNode? Merge(string id, IEnumerable<(string Source, NodeClaim Claim)> claims)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(claims);
        var ordered = claims
            .OrderByDescending(c => c.Claim.Own)
            .ThenBy(c => c.Source, StringComparer.Ordinal)
            .ToList();
        if (ordered.Count == 0)
        {
            return null;
        }
        var label = ordered[0].Claim.Label;
        var properties = new SortedDictionary<string, object>(StringComparer.Ordinal);
        var lists = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (_, claim) in ordered)
        {
            foreach (var (key, value) in claim.Properties)
            {
                if (value is not string && value is IEnumerable<string> list)
                {
                    if (!lists.TryGetValue(key, out var set))
                    {
                        lists[key] = set = new SortedSet<string>(StringComparer.Ordinal);
                    }
                    set.UnionWith(list);
                }
                else
                {
                    properties.TryAdd(key, value);
                }
            }
        }
        foreach (var (key, set) in lists)
        {
            properties[key] = set.ToArray();
        }
        bool ingested = ordered[0].Claim.Own;
        if (NodeNames.IsSymbol(id) && label is NodeLabel.Resolution or NodeLabel.Decision or NodeLabel.Document or NodeLabel.Meeting)
        {
            properties["url"] = NodeNames.Url(id);
            if (properties.TryGetValue("languages", out var languages) && languages is string[] loaded)
            {
                foreach (string language in loaded)
                {
                    properties["url_" + language] = NodeNames.Url(id, language);
                }
            }
        }
        return new GraphNode(id, label, NodeNames.For(id, label, properties), ingested, properties);
    }

    /// <summary>
    /// One document's claims after its ids are resolved through aliases: claims that became one (a joint symbol
    /// and its part, both named) are merged, the own claim first and the first value of each property winning.
    /// </summary>
    /// <param name="claims">The document's claims.</param>
    /// <param name="resolve">The id each id is stored under: itself, or the joint symbol it is part of.</param>
    public static IEnumerable<NodeClaim> Collapse(IEnumerable<NodeClaim> claims, Func<string, string> resolve)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(resolve);
        var resolved = new List<NodeClaim>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        bool joined = false;
        foreach (var claim in claims)
        {
            string id = resolve(claim.Id);
            resolved.Add(id == claim.Id ? claim : claim with { Id = id });
            joined |= !ids.Add(id);
        }
        // Claims become one only where a document names a joint symbol and its part: most documents name neither.
        if (!joined)
        {
            return resolved;
        }
        return [.. resolved
            .GroupBy(c => c.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var ordered = g.OrderByDescending(c => c.Own).ToList();
                if (ordered.Count == 1)
                {
                    return ordered[0];
                }
                var properties = new Dictionary<string, object>(StringComparer.Ordinal);
                foreach (var claim in ordered)
                {
                    foreach (var (key, value) in claim.Properties)
                    {
                        properties.TryAdd(key, value);
                    }
                }
                return ordered[0] with { Properties = properties };
            })];
    }
}
