using Graph.Storage.Neo4j;
using Graph.Storage.Tests.Store;
using Graph.Store;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// The store contract on a real Neo4j 5.26 server (Testcontainers): the same tests the SQLite store passes.
/// Skipped, with the reason, where no Docker engine answers.
/// </summary>
public sealed class Neo4jLtsContractTests(Neo4jLts server) : GraphStoreContract, IClassFixture<Neo4jLts>
{
    protected override async Task<IGraphStore> OpenStoreAsync()
    {
        await server.EmptyAsync();
        return new Neo4jGraphStore(server.Settings);
    }
}

/// <summary>The store contract on the current calendar-versioned Neo4j release.</summary>
public sealed class Neo4jCalendarContractTests(Neo4jCalendar server) : GraphStoreContract, IClassFixture<Neo4jCalendar>
{
    protected override async Task<IGraphStore> OpenStoreAsync()
    {
        await server.EmptyAsync();
        return new Neo4jGraphStore(server.Settings);
    }
}
