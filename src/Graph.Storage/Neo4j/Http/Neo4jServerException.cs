namespace Graph.Storage.Neo4j.Http;

/// <summary>
/// Neo4j refused a request: the message is <c>address: code: what went wrong</c>, with the server's own words,
/// and never a credential.
/// </summary>
public sealed class Neo4jServerException : GraphStoreException
{
    public const string Unauthorized = "Neo.ClientError.Security.Unauthorized";
    public const string DatabaseNotFound = "Neo.ClientError.Database.DatabaseNotFound";

    public Neo4jServerException(string message, string code)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(code);
        Code = code;
    }

    public Neo4jServerException(string message, string code, Exception inner)
        : base(message, inner)
    {
        ArgumentNullException.ThrowIfNull(code);
        Code = code;
    }

    /// <summary>Neo4j's status code, as in <c>Neo.ClientError.Statement.SyntaxError</c>.</summary>
    public string Code { get; }

    /// <summary>Whether running the same unit of work again may succeed.</summary>
    public bool IsRetryable => IsRetryableCode(Code);

    /// <summary>
    /// The official drivers' rule: transient errors may pass on a second try, except a transaction that was
    /// terminated or whose lock client was stopped (someone ended it on purpose); a write sent to a cluster member
    /// that is no longer the leader succeeds once the request reaches the new one. Every other client error would
    /// fail again in the same way.
    /// </summary>
    internal static bool IsRetryableCode(string code) =>
        code switch
        {
            "Neo.TransientError.Transaction.Terminated" or "Neo.TransientError.Transaction.LockClientStopped" => false,
            "Neo.ClientError.Cluster.NotALeader" => true,
            _ => code.StartsWith("Neo.TransientError.", StringComparison.Ordinal),
        };
}
