using Graph.Storage.Sqlite;
using Graph.Storage.Tests.Store;
using Graph.Store;

namespace Graph.Storage.Tests.Sqlite;

/// <summary>The contract, run on real SQLite files in a temp folder of each test, deleted afterwards.</summary>
public sealed class SqliteGraphStoreContractTests : GraphStoreContract, IDisposable
{
    private readonly TempFolder folder = new();
    private int opened;

    protected override Task<IGraphStore> OpenStoreAsync() =>
        Task.FromResult<IGraphStore>(SqliteGraphStore.Open(folder.Path($"graph-{++opened}.db")));

    public void Dispose() => folder.Dispose();
}
