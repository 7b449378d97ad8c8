using System.Text.Json;

namespace Graph.Storage.Neo4j.Http;

/// <summary>
/// The older transactional HTTP API (neo4j.com/docs/http-api), for servers from 4.4 to 5.25: <c>POST /db/{db}/tx</c>
/// opens a transaction (201, with its URL in <c>Location</c> and a <c>commit</c> URL in the body),
/// <c>POST /db/{db}/tx/{id}</c> runs statements, <c>.../commit</c> commits, <c>DELETE</c> rolls back, and
/// <c>POST /db/{db}/tx/commit</c> does all of it in one request. Bodies are <c>{"statements": [...]}</c>; results come
/// back as <c>results[].columns</c> and <c>results[].data[].row</c>, with the errors in the same 200 response.
/// </summary>
internal sealed class TransactionalHttpApi(string database) : Neo4jHttpApi(database)
{
    private string TransactionsPath => DatabasePath + "/tx";

    public override Neo4jRequest AutoCommit(string statement, IReadOnlyDictionary<string, object?>? parameters, IReadOnlyList<string> bookmarks) =>
        WithBookmarks(new(HttpMethod.Post, TransactionsPath + "/commit", Statements(statement, parameters)), bookmarks);

    /// <summary>This API takes the access mode and the bookmarks as headers, on the request that opens the transaction.</summary>
    public override Neo4jRequest Open(string statement, IReadOnlyDictionary<string, object?>? parameters, bool write, IReadOnlyList<string> bookmarks) =>
        WithBookmarks(new Neo4jRequest(HttpMethod.Post, TransactionsPath, Statements(statement, parameters)), bookmarks)
            .WithHeader("Access-Mode", write ? null : "READ");

    public override Neo4jRequest Run(string transactionId, string statement, IReadOnlyDictionary<string, object?>? parameters) =>
        new(HttpMethod.Post, TransactionPath(transactionId), Statements(statement, parameters));

    public override Neo4jRequest Commit(string transactionId) =>
        new(HttpMethod.Post, TransactionPath(transactionId) + "/commit", Neo4jJson.Body(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("statements");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }));

    public override Neo4jRequest Rollback(string transactionId) => new(HttpMethod.Delete, TransactionPath(transactionId));

    /// <summary>
    /// The id is the path segment after <c>tx</c> in the <c>commit</c> URL of the body (<c>.../db/neo4j/tx/16/commit</c>)
    /// or, failing that, in <c>Location</c>. Only the id is kept: the URLs carry the host as the server sees itself,
    /// which behind a proxy is not the one to call.
    /// </summary>
    public override string? TransactionId(Neo4jResponse response)
    {
        string? commit = response.Body is { } body ? Neo4jJson.Text(body, "commit") : null;
        return IdAfterTx(commit) ?? IdAfterTx(response.Location?.ToString());
    }

    private static string? IdAfterTx(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out var uri))
        {
            return null;
        }
        string path = uri.IsAbsoluteUri ? uri.AbsolutePath : url;
        string[] segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int tx = Array.LastIndexOf(segments, "tx");
        return tx >= 0 && tx + 1 < segments.Length && segments[tx + 1] != "commit" ? Uri.UnescapeDataString(segments[tx + 1]) : null;
    }

    /// <summary>One statement per request, so the first result is the statement's.</summary>
    public override Neo4jRecords? Records(Neo4jResponse response)
    {
        if (response.Body is not { ValueKind: JsonValueKind.Object } body
            || !body.TryGetProperty("results", out var results)
            || results.ValueKind != JsonValueKind.Array
            || results.GetArrayLength() == 0)
        {
            return null;
        }
        var result = results[0];
        var rows = result.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? Neo4jJson.Rows(data.EnumerateArray()
                .Where(entry => entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("row", out _))
                .Select(entry => entry.GetProperty("row")))
            : [];
        return new Neo4jRecords(Neo4jJson.Texts(result, "columns"), rows);
    }

    public override IReadOnlyList<string> Bookmarks(Neo4jResponse response) =>
        response.Body is { } body ? Neo4jJson.Texts(body, "lastBookmarks") : [];

    private string TransactionPath(string transactionId) => TransactionsPath + "/" + Uri.EscapeDataString(transactionId);

    private static Neo4jRequest WithBookmarks(Neo4jRequest request, IReadOnlyList<string> bookmarks) =>
        bookmarks.Count == 0 ? request : request.WithHeader("Bookmarks", JsonSerializer.Serialize(bookmarks));

    private static byte[] Statements(string statement, IReadOnlyDictionary<string, object?>? parameters) =>
        Neo4jJson.Body(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("statements");
            writer.WriteStartObject();
            writer.WriteString("statement", statement);
            Neo4jJson.WriteParameters(writer, parameters);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
}
