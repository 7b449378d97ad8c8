using System.Text.Json;

namespace Graph.Storage.Neo4j.Http;

/// <summary>
/// The Query API (neo4j.com/docs/query-api): <c>POST /db/{db}/query/v2</c> for one statement, and from 5.26
/// explicit transactions under <c>/db/{db}/query/v2/tx</c>. Bodies are <c>{"statement", "parameters"}</c>; results
/// come back as <c>data.fields</c> and <c>data.values</c>, one array per row.
/// </summary>
internal sealed class QueryApi(string database) : Neo4jHttpApi(database)
{
    private string QueryPath => DatabasePath + "/query/v2";

    public override Neo4jRequest AutoCommit(string statement, IReadOnlyDictionary<string, object?>? parameters, IReadOnlyList<string> bookmarks) =>
        new(HttpMethod.Post, QueryPath, Statement(statement, parameters, accessMode: null, bookmarks));

    /// <summary>
    /// A read-only transaction asks for <c>accessMode: Read</c> so that a cluster may serve it from a secondary;
    /// the bookmarks make that secondary wait until it has the writes this client committed before.
    /// </summary>
    public override Neo4jRequest Open(string statement, IReadOnlyDictionary<string, object?>? parameters, bool write, IReadOnlyList<string> bookmarks) =>
        new(HttpMethod.Post, QueryPath + "/tx", Statement(statement, parameters, write ? null : "Read", bookmarks));

    public override Neo4jRequest Run(string transactionId, string statement, IReadOnlyDictionary<string, object?>? parameters) =>
        new(HttpMethod.Post, TransactionPath(transactionId), Statement(statement, parameters, accessMode: null, bookmarks: []));

    /// <summary>Commits without a last statement: the documented request has no body.</summary>
    public override Neo4jRequest Commit(string transactionId) => new(HttpMethod.Post, TransactionPath(transactionId) + "/commit", []);

    public override Neo4jRequest Rollback(string transactionId) => new(HttpMethod.Delete, TransactionPath(transactionId));

    public override string? TransactionId(Neo4jResponse response) =>
        response.Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("transaction", out var transaction)
            ? Neo4jJson.Text(transaction, "id")
            : null;

    public override Neo4jRecords? Records(Neo4jResponse response)
    {
        if (response.Body is not { ValueKind: JsonValueKind.Object } body
            || !body.TryGetProperty("data", out var data)
            || data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var rows = data.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array
            ? Neo4jJson.Rows(values.EnumerateArray())
            : [];
        return new Neo4jRecords(Neo4jJson.Texts(data, "fields"), rows);
    }

    public override IReadOnlyList<string> Bookmarks(Neo4jResponse response) =>
        response.Body is { } body ? Neo4jJson.Texts(body, "bookmarks") : [];

    private string TransactionPath(string transactionId) => QueryPath + "/tx/" + Uri.EscapeDataString(transactionId);

    private static byte[] Statement(string statement, IReadOnlyDictionary<string, object?>? parameters, string? accessMode, IReadOnlyList<string> bookmarks) =>
        Neo4jJson.Body(writer =>
        {
            // In the documented order: servers before 2026.08 wanted a request's fields in order.
            writer.WriteStartObject();
            writer.WriteString("statement", statement);
            Neo4jJson.WriteParameters(writer, parameters);
            if (accessMode is not null)
            {
                writer.WriteString("accessMode", accessMode);
            }
            if (bookmarks.Count > 0)
            {
                writer.WritePropertyName("bookmarks");
                writer.WriteStartArray();
                foreach (string bookmark in bookmarks)
                {
                    writer.WriteStringValue(bookmark);
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        });
}
