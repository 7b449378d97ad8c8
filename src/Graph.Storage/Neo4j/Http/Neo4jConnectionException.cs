namespace Graph.Storage.Neo4j.Http;

/// <summary>
/// The server could not be reached or the connection broke before a whole answer arrived (or a gateway in front
/// of it said so: 502, 503, 504). Always worth another try; once the tries are spent, callers see a
/// <see cref="GraphStoreUnavailableException"/>, since no document is to blame.
/// </summary>
internal sealed class Neo4jConnectionException : GraphStoreUnavailableException
{
    public Neo4jConnectionException(string message)
        : base(message)
    {
    }

    public Neo4jConnectionException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
