namespace Graph.Extraction;

/// <summary>What a document says about itself, learned from its header before its references are read.</summary>
internal sealed record DocumentIdentity
{
    public string? Symbol { get; init; }

    /// <summary><c>GA</c> or <c>SC</c>.</summary>
    public string? Body { get; init; }

    /// <summary>The General Assembly session as symbols write it: <c>68</c>, <c>S-13</c>, <c>ES-10</c>.</summary>
    public string? Session { get; init; }

    public string? Title { get; init; }

    public IReadOnlyList<string> Subjects { get; init; } = [];
}
