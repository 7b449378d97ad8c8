namespace Graph.Storage.Neo4j.Http;

/// <summary>
/// One of Neo4j's two HTTP dialects: the requests that run statements and end transactions, and how their answers
/// read. <see cref="QueryApi"/> (5.26 and later) and <see cref="TransactionalHttpApi"/> (4.4 to 5.25, deprecated
/// since) give the same <see cref="Neo4jRecords"/>, so nothing above this layer knows which one is in use.
/// </summary>
internal abstract class Neo4jHttpApi(string database)
{
    /// <summary><c>/db/{database}</c>, escaped for the URL.</summary>
    protected string DatabasePath { get; } = "/db/" + Uri.EscapeDataString(database);

    /// <summary>One statement in a transaction of its own, committed by the server.</summary>
    public abstract Neo4jRequest AutoCommit(string statement, IReadOnlyDictionary<string, object?>? parameters, IReadOnlyList<string> bookmarks);

    /// <summary>Opens a transaction with its first statement, which saves a round trip and an empty request.</summary>
    public abstract Neo4jRequest Open(string statement, IReadOnlyDictionary<string, object?>? parameters, bool write, IReadOnlyList<string> bookmarks);

    public abstract Neo4jRequest Run(string transactionId, string statement, IReadOnlyDictionary<string, object?>? parameters);

    public abstract Neo4jRequest Commit(string transactionId);

    public abstract Neo4jRequest Rollback(string transactionId);

    /// <summary>The id of the transaction a response to <see cref="Open"/> is about, or null when it names none.</summary>
    public abstract string? TransactionId(Neo4jResponse response);

    /// <summary>The statement's columns and rows, or null when the body holds no result at all.</summary>
    public abstract Neo4jRecords? Records(Neo4jResponse response);

    /// <summary>The bookmarks a committed transaction left, to pass to the next one; none when the body has none.</summary>
    public abstract IReadOnlyList<string> Bookmarks(Neo4jResponse response);
}
