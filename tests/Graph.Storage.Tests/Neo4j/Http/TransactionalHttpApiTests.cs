using Graph.Storage.Neo4j.Http;
using static Graph.Storage.Tests.Neo4j.Http.ScriptedConnections;

namespace Graph.Storage.Tests.Neo4j.Http;

/// <summary>
/// The older transactional HTTP API on the wire, against <see cref="ScriptedNeo4jServer"/> playing a Neo4j 5.20
/// (Query API on, but without explicit transactions): the documented requests, and its 200 that carries errors.
/// </summary>
public sealed class TransactionalHttpApiTests : IAsyncDisposable
{
    private const string Alice = "MERGE (n:Person {name: $name, age: $age}) RETURN n";

    private readonly ScriptedNeo4jServer server = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => server.DisposeAsync();

    [Fact]
    public async Task A_transaction_begins_with_its_first_statement_and_continues_under_the_id_the_server_gave()
    {
        server.Discovery("5.20.0")
            .On("POST", "/db/neo4j/tx", 201, Neo4jExamples.HttpBegin, ("Location", "http://localhost:7474/db/neo4j/tx/16"))
            .On("POST", "/db/neo4j/tx/16", 200, Neo4jExamples.HttpRunAlice)
            .On("POST", "/db/neo4j/tx/16/commit", 200, Neo4jExamples.HttpCommitted);
        using var client = await ConnectAsync(server);

        var alice = await client.RunInTransactionAsync(
            async (tx, ct) =>
            {
                var created = await tx.RunAsync("CREATE (n $props) RETURN n", new Dictionary<string, object?> { ["props"] = new Dictionary<string, object?> { ["name"] = "My Node" } }, ct);
                Assert.Equal("My Node", created.Rows.Single()[0].GetProperty("name").GetString());
                return await tx.RunAsync(Alice, new Dictionary<string, object?> { ["name"] = "Alice", ["age"] = 42L }, ct);
            },
            write: true,
            Token);

        Assert.False(client.UsesQueryApi);
        Assert.Equal(["GET /", "POST /db/neo4j/tx", "POST /db/neo4j/tx/16", "POST /db/neo4j/tx/16/commit"], server.Conversation);
        Assert.Equal(["n"], alice.Fields);
        Assert.Equal(42, alice.Rows.Single()[0].GetProperty("age").GetInt32());
        var run = server.Requests[2].Json.GetProperty("statements").EnumerateArray().Single();
        Assert.Equal(Alice, run.GetProperty("statement").GetString());
        Assert.Equal("Alice", run.GetProperty("parameters").GetProperty("name").GetString());
        Assert.Equal("""{"statements":[]}""", server.Requests[3].Body);
        Assert.Equal(Neo4jExamples.CommittedBookmark, Assert.Single(await BookmarksSentNextAsync(client)));
    }

    [Fact]
    public async Task An_error_in_a_200_answer_is_detected_and_the_transaction_rolled_back()
    {
        server.Discovery("5.20.0")
            .On("POST", "/db/neo4j/tx", 201, Neo4jExamples.HttpBegin, ("Location", "http://localhost:7474/db/neo4j/tx/16"))
            .On("POST", "/db/neo4j/tx/16", 200, Neo4jExamples.HttpSyntaxError)
            .On("DELETE", "/db/neo4j/tx/16", 200, Neo4jExamples.HttpRolledBack);
        using var client = await ConnectAsync(server);

        var error = await Assert.ThrowsAsync<Neo4jServerException>(() => client.RunInTransactionAsync(
            async (tx, ct) =>
            {
                await tx.RunAsync("CREATE (n $props) RETURN n", null, ct);
                return await tx.RunAsync("This is not a valid Cypher Statement.", null, ct);
            },
            write: true,
            Token));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Equal(["GET /", "POST /db/neo4j/tx", "POST /db/neo4j/tx/16", "DELETE /db/neo4j/tx/16"], server.Conversation);
    }

    [Fact]
    public async Task A_single_statement_begins_and_commits_in_one_request_and_its_errors_are_detected_too()
    {
        server.Discovery("4.4.30", queryApi: false, edition: "enterprise")
            .On("POST", "/db/neo4j/tx/commit", 200, Neo4jExamples.HttpBeginAndCommit)
            .On("POST", "/db/neo4j/tx/commit", 200, Neo4jExamples.HttpSyntaxError);
        using var client = await ConnectAsync(server);

        var records = await client.RunAsync("MATCH (n) WHERE id(n) = $nodeId RETURN n", new Dictionary<string, object?> { ["nodeId"] = 7L }, Token);
        var error = await Assert.ThrowsAsync<Neo4jServerException>(() => client.RunAsync("This is not a valid Cypher Statement.", cancellationToken: Token));

        Assert.Equal(["n"], records.Fields);
        Assert.Empty(records.Rows.Single()[0].EnumerateObject());
        Assert.Equal(7, server.Requests[1].Json.GetProperty("statements")[0].GetProperty("parameters").GetProperty("nodeId").GetInt64());
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_read_transaction_asks_for_read_access_in_a_header()
    {
        server.Discovery("5.20.0")
            .On("POST", "/db/neo4j/tx", 201, Neo4jExamples.HttpBegin, ("Location", "http://localhost:7474/db/neo4j/tx/16"))
            .On("POST", "/db/neo4j/tx/16/commit", 200, Neo4jExamples.HttpRolledBack);
        using var client = await ConnectAsync(server);

        await client.RunInTransactionAsync((tx, ct) => tx.RunAsync("MATCH (n) RETURN n", null, ct), write: false, Token);

        Assert.Equal("READ", server.Requests[1].Header("Access-Mode"));
        Assert.Null(server.Requests[2].Header("Access-Mode"));
    }

    /// <summary>Runs one more statement and returns the bookmarks its request carried.</summary>
    private async Task<string[]> BookmarksSentNextAsync(Neo4jClient client)
    {
        server.On("POST", "/db/neo4j/tx/commit", 200, Neo4jExamples.HttpBeginAndCommit);
        await client.RunAsync("RETURN 1", cancellationToken: Token);
        string header = server.Requests[^1].Header("Bookmarks") ?? "[]";
        return System.Text.Json.JsonSerializer.Deserialize<string[]>(header)!;
    }
}
