using Graph.Storage.Neo4j.Http;
using static Graph.Storage.Tests.Neo4j.Http.ScriptedConnections;

namespace Graph.Storage.Tests.Neo4j.Http;

/// <summary>Which API a client picks from the server's discovery document, and what it says when there is none to pick.</summary>
public sealed class Neo4jClientDiscoveryTests : IAsyncDisposable
{
    private readonly ScriptedNeo4jServer server = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => server.DisposeAsync();

    [Theory]
    [InlineData("5.26.0", "community", true, true, true)]
    [InlineData("5.26.12", "enterprise", true, false, true)]
    [InlineData("2025.06.0", "community", true, true, true)]
    [InlineData("5.25.1", "community", true, true, false)]
    [InlineData("5.20.0", "enterprise", true, true, false)]
    [InlineData("4.4.30", "community", false, true, false)]
    public async Task The_Query_API_is_used_from_5_26_and_the_transactional_endpoint_before(
        string version, string edition, bool queryApi, bool transactional, bool usesQueryApi)
    {
        server.Discovery(version, queryApi, transactional, edition);

        using var client = await ConnectAsync(server);

        Assert.Equal(usesQueryApi, client.UsesQueryApi);
        Assert.Equal(version, client.ServerVersion);
        Assert.Equal(edition, client.ServerEdition);
        var discovery = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/"), (discovery.Method, discovery.Path));
        Assert.Equal("application/json", discovery.Header("Accept"));
    }

    [Fact]
    public async Task The_Query_API_key_of_2026_09_counts_as_well()
    {
        server.On("GET", "/", 200, """{"query_api": "http://localhost:7474/db/{databaseName}/query/v2", "query_api_versions": ["2.0"], "neo4j_version": "2026.09.0", "neo4j_edition": "community"}""");

        using var client = await ConnectAsync(server);

        Assert.True(client.UsesQueryApi);
    }

    [Fact]
    public async Task A_server_that_offers_neither_API_is_refused_with_what_it_does_offer()
    {
        server.Discovery("5.24.0", queryApi: true, transactional: false);

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => ConnectAsync(server));

        Assert.Contains("Neo4j 5.24.0 community offers the Query API, but its explicit transactions came in 5.26", error.Message, StringComparison.Ordinal);
        Assert.Contains("TRANSACTIONAL_ENDPOINTS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_discovery_document_the_Query_API_is_asked_for_the_version()
    {
        server.On("GET", "/", 404)
            .On("POST", "/db/neo4j/query/v2", 202, """{"data": {"fields": ["version", "edition"], "values": [["2025.06.0-aura", "enterprise"]]}, "bookmarks": []}""");

        using var client = await ConnectAsync(server);

        Assert.True(client.UsesQueryApi);
        Assert.Equal("2025.06.0-aura", client.ServerVersion);
        Assert.Equal("enterprise", client.ServerEdition);
        Assert.StartsWith("CALL dbms.components()", server.Requests[1].Json.GetProperty("statement").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Something_that_is_not_Neo4j_is_refused_with_what_it_answered()
    {
        server.On("GET", "/", 200, "<html>It works!</html>").On("POST", "/db/neo4j/query/v2", 404);

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => ConnectAsync(server));

        Assert.Contains("GET / answered 200 OK with 22 bytes that are not JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("POST /db/neo4j/query/v2 answered 404 Not Found with no body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_is_not_listening_is_reported_as_unavailable_after_the_last_attempt()
    {
        var settings = Settings(server, maxAttempts: 2) with { Server = new Uri("http://127.0.0.1:1/") };

        var error = await Assert.ThrowsAnyAsync<GraphStoreUnavailableException>(() => Neo4jClient.ConnectAsync(settings, null, Quick, Token));

        Assert.StartsWith("neo4j:http://127.0.0.1:1/neo4j: GET / failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_URL_with_user_info_is_refused_without_repeating_it()
    {
        var settings = Settings(server) with { Server = new Uri($"http://alice:{Uri.EscapeDataString(Password)}@127.0.0.1:7474/") };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Neo4jClient.ConnectAsync(settings, null, Quick, Token));

        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }
}
