using Graph.Model;

namespace Graph.Store;

/// <summary>
/// Where the graph lives: the embedded SQLite file by default, a Neo4j server in production. Every store keeps
/// the same model (README, <c>cypher/schema.cypher</c>) and passes the same contract tests:
/// <list type="bullet">
/// <item>one node per id whatever the language; the parts of a joint symbol find the joint document;</item>
/// <item>loading a source again replaces what that source, or any source loaded from the same file, said
/// before, and changes nothing else;</item>
/// <item>a node that only others cite is kept, not ingested, until its own text arrives;</item>
/// <item>series are derived from the loaded resolutions' titles after every batch.</item>
/// </list>
/// Stores are not thread-safe; open one per thread or task. Other processes may read while one loads.
/// </summary>
public interface IGraphStore : IAsyncDisposable
{
    /// <summary>Where the store is, for messages: <c>sqlite:graph.db</c>. Never contains a credential.</summary>
    string Address { get; }

    /// <summary>
    /// Loads a batch of documents in one transaction: all of them or, when the store fails, none (what was
    /// loaded before is untouched).
    /// </summary>
    /// <remarks>A store that refuses or fails the batch throws its GraphStoreException; nothing in the batch was written.</remarks>
    /// <exception cref="ArgumentException">
    /// When a claim holds a property value of a type the model does not have (a bug in the caller, never bad
    /// input: the builder only writes text, integers, booleans and lists of text); nothing was written.
    /// </exception>
    Task LoadAsync(IReadOnlyList<DocumentGraph> batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// The journal: every file a loaded source came from (its <see cref="DocumentGraph.File"/>), with the content
    /// hash it was loaded with ("" when loaded without one). Written in the same transaction as the graph, so
    /// after any crash it says exactly what the graph holds.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> LoadedFilesAsync(CancellationToken cancellationToken = default);

    /// <summary>The node with this id, or with a joint symbol this id is part of; null when there is none.</summary>
    Task<GraphNode?> FindNodeAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The edges that start at the node, with their evidence, ordered by type then target.</summary>
    Task<IReadOnlyList<GraphEdge>> OutgoingAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The edges that end at the node, with their evidence, ordered by type then origin.</summary>
    Task<IReadOnlyList<GraphEdge>> IncomingAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every node, ordered by label then id.</summary>
    IAsyncEnumerable<GraphNode> NodesAsync(CancellationToken cancellationToken = default);

    /// <summary>Every edge with its evidence, ordered by origin, type, target.</summary>
    IAsyncEnumerable<GraphEdge> EdgesAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts by label and type, and the most-cited treaties and documents.</summary>
    Task<GraphStatistics> StatisticsAsync(int top = 10, CancellationToken cancellationToken = default);
}
