namespace Graph.Model;

/// <summary>The kinds of node in the graph. Each is a Neo4j label of the same name.</summary>
public enum NodeLabel
{
    Resolution,
    Decision,
    Document,
    Treaty,
    Meeting,
    Session,
    Committee,
    AgendaItem,
    Series,
    Subject,
}

/// <summary>Maps reference kinds to node labels.</summary>
public static class NodeLabels
{
    /// <summary>Every label, in the order the README and <c>cypher/schema.cypher</c> list them.</summary>
    public static IReadOnlyList<NodeLabel> All { get; } = Enum.GetValues<NodeLabel>();

    public static NodeLabel Of(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Resolution => NodeLabel.Resolution,
        ReferenceKind.Decision => NodeLabel.Decision,
        ReferenceKind.Document => NodeLabel.Document,
        ReferenceKind.Meeting => NodeLabel.Meeting,
        ReferenceKind.Session => NodeLabel.Session,
        ReferenceKind.AgendaItem => NodeLabel.AgendaItem,
        ReferenceKind.Committee => NodeLabel.Committee,
        ReferenceKind.Treaty => NodeLabel.Treaty,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The label with the given name (ordinal, as written in the graph), or null.</summary>
    public static NodeLabel? Parse(string name) =>
        Enum.TryParse<NodeLabel>(name, ignoreCase: false, out var label) && Enum.IsDefined(label) && name == label.ToString() ? label : null;
}
