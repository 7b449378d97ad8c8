using Graph.Storage.Neo4j.Http;
using static Graph.Storage.Tests.Neo4j.Http.ScriptedConnections;

namespace Graph.Storage.Tests.Neo4j.Http;

/// <summary>
/// Which failures run a unit of work again from the start (transient codes, NotALeader, broken connections, a
/// gateway's 503) and which end it at once (Terminated, client errors, the unit's own exceptions).
/// </summary>
public sealed class Neo4jClientRetryTests : IAsyncDisposable
{
    private const string Tx = "/db/neo4j/query/v2/tx";
    private const string Merge = "MERGE (n:Person {name: $name, age: $age}) RETURN n AS alice";

    private readonly ScriptedNeo4jServer server = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => server.DisposeAsync();

    [Fact]
    public async Task A_deadlock_rolls_back_and_runs_the_whole_unit_again_which_then_succeeds()
    {
        server.Discovery("5.26.0")
            .On("POST", Tx, 202, Neo4jExamples.OpenWithAlice)
            .On("POST", $"{Tx}/lyU", 400, Neo4jExamples.Deadlock)
            .On("DELETE", $"{Tx}/lyU", 200, """{"bookmarks": []}""")
            .On("POST", Tx, 202, Neo4jExamples.OpenWithAlice)
            .On("POST", $"{Tx}/lyU", 202, Neo4jExamples.RunBob)
            .On("POST", $"{Tx}/lyU/commit", 202, Neo4jExamples.Committed);
        using var client = await ConnectAsync(server);
        int runs = 0;

        string? name = await client.RunInTransactionAsync(
            async (tx, ct) =>
            {
                runs++;
                await tx.RunAsync(Merge, null, ct);
                var bob = await tx.RunAsync(Merge, null, ct);
                return bob.Rows.Single()[0].GetProperty("properties").GetProperty("name").GetString();
            },
            write: true,
            Token);

        Assert.Equal("Bob", name);
        Assert.Equal(2, runs);
        Assert.Equal(
            ["GET /", $"POST {Tx}", $"POST {Tx}/lyU", $"DELETE {Tx}/lyU", $"POST {Tx}", $"POST {Tx}/lyU", $"POST {Tx}/lyU/commit"],
            server.Conversation);
    }

    [Fact]
    public async Task A_terminated_transaction_is_not_retried()
    {
        server.Discovery("5.26.0").On("POST", Tx, 400, Neo4jExamples.Terminated);
        using var client = await ConnectAsync(server);
        int runs = 0;

        var error = await Assert.ThrowsAsync<Neo4jServerException>(() => client.RunInTransactionAsync(
            (tx, ct) =>
            {
                runs++;
                return tx.RunAsync(Merge, null, ct);
            },
            write: true,
            Token));

        Assert.Equal(1, runs);
        Assert.Equal("Neo.TransientError.Transaction.Terminated", error.Code);
        Assert.False(error.IsRetryable);
    }

    [Theory]
    [InlineData("Neo.TransientError.Transaction.DeadlockDetected", true)]
    [InlineData("Neo.TransientError.General.DatabaseUnavailable", true)]
    [InlineData("Neo.ClientError.Cluster.NotALeader", true)]
    [InlineData("Neo.TransientError.Transaction.Terminated", false)]
    [InlineData("Neo.TransientError.Transaction.LockClientStopped", false)]
    [InlineData("Neo.ClientError.Statement.SyntaxError", false)]
    [InlineData("Neo.ClientError.Schema.ConstraintValidationFailed", false)]
    [InlineData("Neo.DatabaseError.General.UnknownError", false)]
    public void Only_transient_codes_and_a_lost_leader_are_worth_another_try(string code, bool retryable) =>
        Assert.Equal(retryable, new Neo4jServerException("message", code).IsRetryable);

    [Fact]
    public async Task A_dropped_connection_and_a_gateways_503_are_retried()
    {
        server.Discovery("5.26.0")
            .Dropping("POST", "/db/neo4j/query/v2")
            .On("POST", "/db/neo4j/query/v2", 503)
            .On("POST", "/db/neo4j/query/v2", 202, Neo4jExamples.QueryAlice);
        using var client = await ConnectAsync(server);

        var records = await client.RunAsync(Merge, cancellationToken: Token);

        Assert.Equal(["alice"], records.Fields);
        Assert.Equal(3, server.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task After_the_last_attempt_the_last_failure_is_thrown()
    {
        server.Discovery("5.26.0");
        for (int i = 0; i < 3; i++)
        {
            server.On("POST", "/db/neo4j/query/v2", 400, Neo4jExamples.Deadlock);
        }
        using var client = await ConnectAsync(server, maxAttempts: 3);

        var error = await Assert.ThrowsAsync<Neo4jServerException>(() => client.RunAsync(Merge, cancellationToken: Token));

        Assert.Equal("Neo.TransientError.Transaction.DeadlockDetected", error.Code);
        Assert.Equal(3, server.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task An_exception_of_the_unit_of_work_rolls_back_and_is_not_retried()
    {
        server.Discovery("5.26.0")
            .On("POST", Tx, 202, Neo4jExamples.OpenWithAlice, (Neo4jResponse.ClusterAffinityHeader, Neo4jExamples.Affinity))
            .On("DELETE", $"{Tx}/lyU", 200, """{"bookmarks": []}""");
        using var client = await ConnectAsync(server);
        int runs = 0;

        await Assert.ThrowsAsync<InvalidDataException>(() => client.RunInTransactionAsync<int>(
            async (tx, ct) =>
            {
                runs++;
                await tx.RunAsync(Merge, null, ct);
                throw new InvalidDataException("the row was not what the unit expected");
            },
            write: true,
            Token));

        Assert.Equal(1, runs);
        Assert.Equal(["GET /", $"POST {Tx}", $"DELETE {Tx}/lyU"], server.Conversation);
        Assert.Equal(Neo4jExamples.Affinity, server.Requests[^1].Header(Neo4jResponse.ClusterAffinityHeader));
    }

    [Fact]
    public async Task A_failure_the_unit_of_work_swallowed_still_fails_the_commit_and_still_counts_for_a_retry()
    {
        server.Discovery("5.26.0")
            .On("POST", Tx, 202, Neo4jExamples.OpenWithAlice)
            .On("POST", $"{Tx}/lyU", 400, Neo4jExamples.Deadlock)
            .On("DELETE", $"{Tx}/lyU", 200, """{"bookmarks": []}""")
            .On("POST", Tx, 202, Neo4jExamples.OpenWithAlice)
            .On("POST", $"{Tx}/lyU", 202, Neo4jExamples.RunBob)
            .On("POST", $"{Tx}/lyU/commit", 202, Neo4jExamples.Committed);
        using var client = await ConnectAsync(server);
        int runs = 0;

        await client.RunInTransactionAsync(
            async (tx, ct) =>
            {
                runs++;
                await tx.RunAsync(Merge, null, ct);
                try
                {
                    await tx.RunAsync(Merge, null, ct);
                }
                catch (Neo4jServerException)
                {
                    // A careless unit of work: the transaction is gone all the same.
                }
                return true;
            },
            write: true,
            Token);

        Assert.Equal(2, runs);
        Assert.Equal($"POST {Tx}/lyU/commit", server.Conversation[^1]);
    }
}
