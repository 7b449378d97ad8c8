using System.Text.Json;

namespace Graph.Storage.Neo4j.Http;

/// <summary>
/// What came back for one request: the status, the body read whole (null when empty or not JSON) and the headers
/// a transaction needs. Failures are not judged here: <see cref="Neo4jClient.ThrowIfFailed"/> does that, after the
/// caller has taken the transaction id, so that even a failed request's transaction can be rolled back.
/// </summary>
internal sealed record Neo4jResponse(
    Neo4jRequest Request,
    int Status,
    string? Reason,
    JsonElement? Body,
    int BodyLength,
    string? ClusterAffinity,
    Uri? Location)
{
    /// <summary>The header the Query API uses to pin a transaction to the cluster member that opened it.</summary>
    public const string ClusterAffinityHeader = "neo4j-cluster-affinity";

    public bool IsSuccess => Status is >= 200 and <= 299;

    /// <summary>For messages: <c>GET / answered 404 Not Found with 120 bytes that are not JSON</c>.</summary>
    public override string ToString() =>
        $"{Request} answered {Status} {Reason}".TrimEnd()
        + (BodyLength == 0 ? " with no body" : Body is null ? $" with {BodyLength} bytes that are not JSON" : "");
}
