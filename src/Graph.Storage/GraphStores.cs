using Graph.Storage.Sqlite;
using Graph.Store;

namespace Graph.Storage;

/// <summary>Opens a store from its address: <c>sqlite:PATH</c> (the default, <c>sqlite:graph.db</c>).</summary>
public static class GraphStores
{
    /// <summary>The store used when none is named.</summary>
    public const string DefaultAddress = "sqlite:graph.db";

    /// <summary>Opens the store at <paramref name="address"/>.</summary>
    /// <param name="address"><c>sqlite:PATH</c>.</param>
    /// <param name="create">Whether to create an embedded store that does not exist yet (loading does; queries do not).</param>
    /// <exception cref="GraphStoreException">When the address names no known kind of store, or the store cannot be opened.</exception>
    public static IGraphStore Open(string address, bool create = true)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            string path = address["sqlite:".Length..];
            return path.Length == 0
                ? throw new GraphStoreException("sqlite: needs a file path, as in sqlite:graph.db")
                : !create && !File.Exists(path)
                    ? throw new GraphStoreException($"{address}: no such file; run 'graph build <files> --store {address}' first")
                    : SqliteGraphStore.Open(path);
        }
        throw new GraphStoreException($"unknown store '{address}': use sqlite:PATH");
    }
}
