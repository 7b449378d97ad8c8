using System.Text;
using System.Text.Json;
using Graph.Storage.Neo4j.Http;
using static Graph.Storage.Tests.Neo4j.Http.ScriptedConnections;

namespace Graph.Storage.Tests.Neo4j.Http;

/// <summary>
/// The Query API on the wire, against <see cref="ScriptedNeo4jServer"/> playing a Neo4j 5.26: the exact requests
/// sent, and how the documented answers, good and bad, come back.
/// </summary>
public sealed class QueryApiTests : IAsyncDisposable
{
    private const string Tx = "/db/neo4j/query/v2/tx";
    private const string Alice = "MERGE (n:Person {name: $name, age: $age}) RETURN n AS alice";
    private const string Bob = "MERGE (n:Person {name: $name, age: $age}) RETURN n AS bob";

    /// <summary>Quotes, backslashes, line breaks, a tab, a control character, Chinese and a character outside the BMP.</summary>
    private const string Nasty = "He said \"stop\" \\ then 'left'\r\nline two\ttab \u0001 联合国大会第68/72号决议 \U0001F30D </script>";

    private readonly ScriptedNeo4jServer server = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => server.DisposeAsync();

    [Fact]
    public async Task A_statement_and_its_parameters_are_sent_as_the_documented_body_and_arrive_unchanged()
    {
        server.Discovery("5.26.0").On("POST", "/db/neo4j/query/v2", 202, Neo4jExamples.QueryAlice);
        using var client = await ConnectAsync(server);
        var parameters = new Dictionary<string, object?>
        {
            ["text"] = Nasty,
            ["count"] = 42L,
            ["small"] = 7,
            ["flag"] = true,
            ["ratio"] = 1.0,
            ["half"] = 0.5,
            ["nothing"] = null,
            ["ids"] = new[] { "A/RES/68/72", "S/RES/2401 (2018)" },
            ["rows"] = new List<Dictionary<string, object?>>
            {
                new() { ["id"] = "A/RES/1", ["props"] = new Dictionary<string, object?> { ["name"] = Nasty, ["years"] = new List<object?> { 1946L, null, "1947" } } },
            },
        };

        var records = await client.RunAsync(Alice, parameters, Token);

        var request = server.Requests[^1];
        Assert.Equal(("POST", "/db/neo4j/query/v2"), (request.Method, request.Path));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + Password)), request.Header("Authorization"));
        var body = request.Json;
        Assert.Equal(["statement", "parameters"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Alice, body.GetProperty("statement").GetString());
        var sent = body.GetProperty("parameters");
        Assert.Equal(Encoding.UTF8.GetBytes(Nasty), Encoding.UTF8.GetBytes(sent.GetProperty("text").GetString()!));
        Assert.Equal(42, sent.GetProperty("count").GetInt64());
        Assert.Equal("7", sent.GetProperty("small").GetRawText());
        Assert.Equal(JsonValueKind.True, sent.GetProperty("flag").ValueKind);
        Assert.Equal("1.0", sent.GetProperty("ratio").GetRawText());
        Assert.Equal("0.5", sent.GetProperty("half").GetRawText());
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("nothing").ValueKind);
        Assert.Equal(["A/RES/68/72", "S/RES/2401 (2018)"], sent.GetProperty("ids").EnumerateArray().Select(e => e.GetString()));
        var row = sent.GetProperty("rows")[0];
        Assert.Equal("A/RES/1", row.GetProperty("id").GetString());
        Assert.Equal(Nasty, row.GetProperty("props").GetProperty("name").GetString());
        Assert.Equal("[1946,null,\"1947\"]", row.GetProperty("props").GetProperty("years").GetRawText());
        Assert.Contains("联合国", request.Body, StringComparison.Ordinal);
        Assert.Equal(["alice"], records.Fields);
        Assert.Equal("Alice", records.Rows.Single()[0].GetProperty("properties").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_transaction_opens_with_its_first_statement_runs_the_next_and_commits_with_the_affinity_echoed()
    {
        server.Discovery("5.26.0")
            .On("POST", Tx, 202, Neo4jExamples.OpenWithAlice, (Neo4jResponse.ClusterAffinityHeader, Neo4jExamples.Affinity))
            .On("POST", $"{Tx}/lyU", 202, Neo4jExamples.RunBob, (Neo4jResponse.ClusterAffinityHeader, Neo4jExamples.Affinity))
            .On("POST", $"{Tx}/lyU/commit", 202, Neo4jExamples.Committed, (Neo4jResponse.ClusterAffinityHeader, Neo4jExamples.Affinity));
        using var client = await ConnectAsync(server);

        var names = await client.RunInTransactionAsync(
            async (tx, ct) =>
            {
                var alice = await tx.RunAsync(Alice, new Dictionary<string, object?> { ["name"] = "Alice", ["age"] = 42L }, ct);
                var bob = await tx.RunAsync(Bob, new Dictionary<string, object?> { ["name"] = "Bob", ["age"] = 43L }, ct);
                return (alice.Fields.Single(), bob.Rows.Single()[0].GetProperty("properties").GetProperty("name").GetString());
            },
            write: true,
            Token);

        Assert.Equal(("alice", "Bob"), names);
        Assert.Equal(["GET /", $"POST {Tx}", $"POST {Tx}/lyU", $"POST {Tx}/lyU/commit"], server.Conversation);
        var (open, run, commit) = (server.Requests[1], server.Requests[2], server.Requests[3]);
        Assert.Null(open.Header(Neo4jResponse.ClusterAffinityHeader));
        Assert.Equal(Alice, open.Json.GetProperty("statement").GetString());
        Assert.False(open.Json.TryGetProperty("accessMode", out _));
        Assert.Equal(Neo4jExamples.Affinity, run.Header(Neo4jResponse.ClusterAffinityHeader));
        Assert.Equal(Bob, run.Json.GetProperty("statement").GetString());
        Assert.Equal(Neo4jExamples.Affinity, commit.Header(Neo4jResponse.ClusterAffinityHeader));
        Assert.Equal("", commit.Body);
        Assert.Equal("application/json", commit.Header("Content-Type"));
    }

    [Fact]
    public async Task A_202_whose_body_ends_with_errors_throws_the_servers_code_and_rolls_back()
    {
        server.Discovery("5.26.0")
            .On("POST", Tx, 202, Neo4jExamples.OpenWithAlice, (Neo4jResponse.ClusterAffinityHeader, Neo4jExamples.Affinity))
            .On("POST", $"{Tx}/lyU", 202, Neo4jExamples.RowsThenError)
            .On("DELETE", $"{Tx}/lyU", 200, """{"bookmarks": []}""");
        using var client = await ConnectAsync(server);

        var error = await Assert.ThrowsAsync<Neo4jServerException>(() => client.RunInTransactionAsync(
            async (tx, ct) =>
            {
                await tx.RunAsync(Alice, new Dictionary<string, object?> { ["name"] = "Alice", ["age"] = 42L }, ct);
                return await tx.RunAsync("UNWIND [1, 2, 0] AS n RETURN 1 / n AS n", null, ct);
            },
            write: true,
            Token));

        Assert.Equal("Neo.ClientError.Statement.ArithmeticError", error.Code);
        Assert.False(error.IsRetryable);
        Assert.Equal($"{client.Settings.Address}: Neo.ClientError.Statement.ArithmeticError: / by zero", error.Message);
        Assert.Equal(["GET /", $"POST {Tx}", $"POST {Tx}/lyU", $"DELETE {Tx}/lyU"], server.Conversation);
        Assert.Equal(Neo4jExamples.Affinity, server.Requests[^1].Header(Neo4jResponse.ClusterAffinityHeader));
    }

    [Fact]
    public async Task A_syntax_error_fails_at_once_with_the_servers_message()
    {
        server.Discovery("5.26.0").On("POST", Tx, 400, Neo4jExamples.SyntaxError);
        using var client = await ConnectAsync(server);
        int runs = 0;

        var error = await Assert.ThrowsAsync<Neo4jServerException>(() => client.RunInTransactionAsync(
            (tx, ct) =>
            {
                runs++;
                return tx.RunAsync("This is not a valid Cypher Statement.", null, ct);
            },
            write: true,
            Token));

        Assert.Equal(1, runs);
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.StartsWith($"{client.Settings.Address}: Neo.ClientError.Statement.SyntaxError: Invalid input 'T': expected <init>", error.Message, StringComparison.Ordinal);
        Assert.Equal(["GET /", $"POST {Tx}"], server.Conversation);
    }

    [Fact]
    public async Task A_401_names_the_user_and_never_shows_the_password()
    {
        server.Discovery("5.26.0").On("POST", Tx, 401, Neo4jExamples.Unauthorized);
        using var client = await ConnectAsync(server);

        var error = await Assert.ThrowsAsync<Neo4jServerException>(() => client.RunInTransactionAsync((tx, ct) => tx.RunAsync("RETURN 1", null, ct), write: false, Token));

        Assert.Equal(Neo4jServerException.Unauthorized, error.Code);
        Assert.Equal($"{client.Settings.Address}: Neo.ClientError.Security.Unauthorized: authentication failed for user 'alice': Invalid username or password.", error.Message);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, client.Settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, client.Settings.Address, StringComparison.Ordinal);
        Assert.Single(server.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_401_without_credentials_says_that_none_were_given()
    {
        server.Discovery("5.26.0").On("POST", "/db/neo4j/query/v2", 401, Error("Neo.ClientError.Security.Unauthorized", "No authentication header supplied."));
        using var client = await ConnectAsync(server, user: null, password: null);

        var error = await Assert.ThrowsAsync<Neo4jServerException>(() => client.RunAsync("RETURN 1", cancellationToken: Token));

        Assert.Contains("none was given", error.Message, StringComparison.Ordinal);
        Assert.Null(server.Requests[^1].Header("Authorization"));
    }

    [Fact]
    public async Task A_database_that_does_not_exist_is_named_in_the_message()
    {
        server.Discovery("5.26.0").On(
            "POST", "/db/movies/query/v2/tx", 404, Error(Neo4jServerException.DatabaseNotFound, "Graph not found: movies"));
        using var client = await ConnectAsync(server, database: "movies");

        var error = await Assert.ThrowsAsync<Neo4jServerException>(() => client.RunInTransactionAsync((tx, ct) => tx.RunAsync("RETURN 1", null, ct), write: true, Token));

        Assert.Equal(Neo4jServerException.DatabaseNotFound, error.Code);
        Assert.Contains("the database 'movies' does not exist on this server", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_read_transaction_asks_for_read_access_and_waits_for_the_last_commit()
    {
        server.Discovery("5.26.0")
            .On("POST", Tx, 202, Neo4jExamples.OpenWithAlice)
            .On("POST", $"{Tx}/lyU/commit", 202, Neo4jExamples.Committed)
            .On("POST", Tx, 202, Neo4jExamples.OpenWithAlice)
            .On("POST", $"{Tx}/lyU/commit", 202, """{"bookmarks": []}""");
        using var client = await ConnectAsync(server);

        await client.RunInTransactionAsync((tx, ct) => tx.RunAsync(Alice, null, ct), write: true, Token);
        await client.RunInTransactionAsync((tx, ct) => tx.RunAsync("MATCH (n:Person) RETURN n", null, ct), write: false, Token);

        var (write, read) = (server.Requests[1].Json, server.Requests[3].Json);
        Assert.False(write.TryGetProperty("accessMode", out _));
        Assert.False(write.TryGetProperty("bookmarks", out _));
        Assert.Equal("Read", read.GetProperty("accessMode").GetString());
        Assert.Equal([Neo4jExamples.CommittedBookmark], read.GetProperty("bookmarks").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_success_without_a_result_is_an_error_and_not_an_empty_result()
    {
        server.Discovery("5.26.0").On("POST", "/db/neo4j/query/v2", 200);
        using var client = await ConnectAsync(server);

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync("MATCH (n) RETURN n", cancellationToken: Token));

        Assert.Equal($"{client.Settings.Address}: POST /db/neo4j/query/v2 answered 200 OK with no body, and no result in it", error.Message);
    }

    [Fact]
    public async Task A_unit_of_work_that_runs_nothing_opens_no_transaction()
    {
        server.Discovery("5.26.0");
        using var client = await ConnectAsync(server);

        int answer = await client.RunInTransactionAsync((_, _) => Task.FromResult(42), write: true, Token);

        Assert.Equal(42, answer);
        Assert.Equal(["GET /"], server.Conversation);
    }

    [Fact]
    public async Task A_transaction_used_after_its_unit_of_work_has_ended_is_refused()
    {
        server.Discovery("5.26.0");
        using var client = await ConnectAsync(server);

        var kept = await client.RunInTransactionAsync((tx, _) => Task.FromResult(tx), write: true, Token);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => kept.RunAsync("RETURN 1", null, Token));
    }

    [Fact]
    public async Task A_parameter_with_no_Cypher_counterpart_is_refused_before_anything_is_sent()
    {
        server.Discovery("5.26.0");
        using var client = await ConnectAsync(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.RunAsync(
            "RETURN $when", new Dictionary<string, object?> { ["when"] = new { Year = 2024 } }, Token));

        Assert.Contains("$when", error.Message, StringComparison.Ordinal);
        Assert.Equal(["GET /"], server.Conversation);
    }

    private static string Error(string code, string message) => Neo4jExamples.Error(code, message);
}
