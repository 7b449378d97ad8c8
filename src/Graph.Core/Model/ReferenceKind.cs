namespace Graph.Model;

/// <summary>What a reference points to. The JSON name of each kind is given by <see cref="ReferenceKinds.Name"/>.</summary>
public enum ReferenceKind
{
    Resolution,
    Decision,
    Document,
    Meeting,
    Session,
    AgendaItem,
    Committee,
    Treaty,
}

/// <summary>The stable names of reference kinds, as written in JSON and in the graph.</summary>
public static class ReferenceKinds
{
    public static string Name(this ReferenceKind kind) => kind switch
    {
        ReferenceKind.Resolution => "resolution",
        ReferenceKind.Decision => "decision",
        ReferenceKind.Document => "document",
        ReferenceKind.Meeting => "meeting",
        ReferenceKind.Session => "session",
        ReferenceKind.AgendaItem => "agenda-item",
        ReferenceKind.Committee => "committee",
        ReferenceKind.Treaty => "treaty",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind with the given JSON name, or null.</summary>
    public static ReferenceKind? Parse(string name) =>
        Enum.GetValues<ReferenceKind>().Select(k => (ReferenceKind?)k).FirstOrDefault(k => k!.Value.Name() == name);
}
