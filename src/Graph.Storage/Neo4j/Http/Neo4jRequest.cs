namespace Graph.Storage.Neo4j.Http;

/// <summary>
/// One HTTP request to the server, relative to its root. A null body sends no content; an empty one sends an empty
/// JSON request (the Query API's commit).
/// </summary>
internal sealed record Neo4jRequest(HttpMethod Method, string Path, byte[]? Body = null)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public Neo4jRequest WithHeader(string name, string? value) =>
        value is null ? this : this with { Headers = [.. Headers, new(name, value)] };

    public override string ToString() => $"{Method} {Path}";
}
