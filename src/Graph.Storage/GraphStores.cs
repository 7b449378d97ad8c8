using Graph.Storage.Neo4j;
using Graph.Storage.Neo4j.Http;
using Graph.Storage.Sqlite;
using Graph.Store;

namespace Graph.Storage;

/// <summary>
/// Opens a store from its address: <c>sqlite:PATH</c> (the default, <c>sqlite:graph.db</c>) or
/// <c>neo4j:URL</c> (<c>neo4j:http://localhost:7474</c>, <c>neo4j:https://…</c>, <c>neo4j:neo4j+s://….databases.neo4j.io</c>).
/// </summary>
public static class GraphStores
{
    /// <summary>The store used when none is named.</summary>
    public const string DefaultAddress = "sqlite:graph.db";

    /// <summary>Opens the store at <paramref name="address"/>.</summary>
    /// <param name="address"><c>sqlite:PATH</c> or <c>neo4j:URL</c>.</param>
    /// <param name="create">Whether to create an embedded store that does not exist yet (loading does; queries do not).</param>
    /// <param name="database">Neo4j: the database; else <c>NEO4J_DATABASE</c>, else <c>neo4j</c>.</param>
    /// <param name="user">Neo4j: the user; else <c>NEO4J_USER</c>.</param>
    /// <param name="password">Neo4j: the password; else <c>NEO4J_PASSWORD</c>. Never shown in a message.</param>
    /// <param name="lockTimeout">SQLite: how long to wait for another process's lock (see <see cref="SqliteGraphStore.Open"/>).</param>
    /// <exception cref="GraphStoreException">When the address names no known kind of store, or the store cannot be opened.</exception>
    public static IGraphStore Open(
        string address, bool create = true, string? database = null, string? user = null, string? password = null, TimeSpan? lockTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            string path = address["sqlite:".Length..];
            return path.Length == 0
                ? throw new GraphStoreException("sqlite: needs a file path, as in sqlite:graph.db")
                : !create && !File.Exists(path)
                    ? throw new GraphStoreException($"{address}: no such file; run 'graph build <files> --store {address}' first")
                    : SqliteGraphStore.Open(path, lockTimeout);
        }
        if (address.StartsWith("neo4j:", StringComparison.Ordinal))
        {
            var settings = Neo4jSettings.Parse(address["neo4j:".Length..], database, user, password, Environment.GetEnvironmentVariable);
            return new Neo4jGraphStore(settings);
        }
        // The address may hold a URL with a password: name only its kind.
        string kind = address.Contains(':', StringComparison.Ordinal) ? address[..address.IndexOf(':', StringComparison.Ordinal)] : address;
        throw new GraphStoreException($"unknown store kind '{kind}': use sqlite:PATH or neo4j:URL");
    }
}
