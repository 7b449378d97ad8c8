using System.Text.Json;
using System.Text.RegularExpressions;
using Graph.Storage.Neo4j;
using Graph.Storage.Tests.Neo4j.Http;
using Graph.Storage.Tests.Support;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// What the Neo4j store sends, checked on the wire against the scripted server (a hand-written double: no Neo4j can
/// run here; the real server is exercised by the contract tests where Docker answers). The server answers every
/// statement with an empty result, which is enough to see the schema go first, a batch go in one transaction,
/// and every word of a document travel as a parameter, never as Cypher.
/// </summary>
public sealed partial class Neo4jGraphStoreWireTests : IAsyncDisposable
{
    private const string Query = "/db/neo4j/query/v2";
    private const string Tx = Query + "/tx";
    private const string Empty = """{"data": {"fields": [], "values": []}, "bookmarks": []}""";
    private const string EmptyInTx = """{"data": {"fields": [], "values": []}, "bookmarks": [], "transaction": {"id": "t1", "expires": "2026-11-24T10:00:00Z"}}""";

    private readonly ScriptedNeo4jServer server = new();

    [Fact]
    public async Task Loading_a_document_sends_the_schema_first_then_one_transaction_whose_statements_hold_no_document_text()
    {
        var document = Seeds.Graph(Seeds.MineAction68Zh);
        server.Discovery("5.26.0");
        foreach (string _ in Neo4jStatements.Schema)
        {
            server.On("POST", Query, 202, Empty);
        }
        server.On("POST", Tx, 202, EmptyInTx);
        for (int i = 0; i < 200; i++)
        {
            server.On("POST", Tx + "/t1", 202, EmptyInTx);
        }
        server.On("POST", Tx + "/t1/commit", 202, """{"bookmarks": ["FB:1"]}""");
        await using var store = new Neo4jGraphStore(ScriptedConnections.Settings(server));

        await store.LoadAsync([document], TestContext.Current.CancellationToken);

        var posts = server.Requests.Where(r => r.Method == "POST").ToList();
        // The commit carries no body; every other request carries one statement.
        var statements = posts.Where(r => r.Body.Length > 0).Select(r => r.Json.GetProperty("statement").GetString()!).ToList();
        Assert.Equal(Neo4jStatements.Schema, statements.Take(Neo4jStatements.Schema.Count));
        var batch = posts.Skip(Neo4jStatements.Schema.Count).ToList();
        Assert.Equal(Tx, batch[0].Path);
        Assert.Equal(Tx + "/t1/commit", batch[^1].Path);
        Assert.All(batch[1..^1], r => Assert.Equal(Tx + "/t1", r.Path));
        // Nothing of the document is spliced into Cypher: no Chinese, no symbol, no file name.
        Assert.All(statements, s =>
        {
            Assert.DoesNotMatch(Cjk(), s);
            Assert.DoesNotContain("A/RES/", s, StringComparison.Ordinal);
            Assert.DoesNotContain(".txt", s, StringComparison.Ordinal);
        });
        // It travels as parameters instead: the claims carry the title, the evidence the exact surface.
        var parameters = batch.Where(r => r.Body.Length > 0 && r.Json.TryGetProperty("parameters", out _)).Select(r => r.Json.GetProperty("parameters").GetRawText()).ToList();
        string surface = document.Edges.First(e => e.To == "A/RES/66/69").Evidence.Surface!;
        Assert.Contains(parameters, p => JsonSerializer.Deserialize<JsonElement>(p).ToString().Contains("协助地雷行动", StringComparison.Ordinal));
        Assert.Contains(parameters, p => JsonSerializer.Deserialize<JsonElement>(p).ToString().Contains(surface, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_store_address_and_its_errors_never_show_the_password()
    {
        server.Discovery("5.26.0").On("POST", Query, 401, Neo4jExamples.Unauthorized);
        await using var store = new Neo4jGraphStore(ScriptedConnections.Settings(server));

        var error = await Assert.ThrowsAnyAsync<GraphStoreException>(() => store.LoadAsync([Seeds.Graph(Seeds.MineAction68En)], TestContext.Current.CancellationToken));

        Assert.DoesNotContain(ScriptedConnections.Password, store.Address, StringComparison.Ordinal);
        Assert.DoesNotContain(ScriptedConnections.Password, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(ScriptedConnections.User, error.Message, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Cjk();
}
