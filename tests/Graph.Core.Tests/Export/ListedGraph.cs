using System.Runtime.CompilerServices;
using Graph.Model;
using Graph.Store;

namespace Graph.Tests.Export;

/// <summary>
/// A hand-written double of <see cref="IGraphStore"/> that only feeds the exporters: the real stores (SQLite,
/// Neo4j) live in Graph.Storage, which this project does not reference. It yields the given nodes and edges in
/// the given order (callers list them as the contract orders them: nodes by label then id, edges by origin,
/// type, target) and counts how often each stream is read. Its other methods throw.
/// </summary>
internal sealed class ListedGraph(IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges) : IGraphStore
{
    public int NodeReads { get; private set; }

    public int EdgeReads { get; private set; }

    public string Address => "listed:";

    public async IAsyncEnumerable<GraphNode> NodesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        NodeReads++;
        foreach (var node in nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return node;
        }
    }

    public async IAsyncEnumerable<GraphEdge> EdgesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EdgeReads++;
        foreach (var edge in edges)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return edge;
        }
    }

    public Task LoadAsync(IReadOnlyList<DocumentGraph> batch, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<string, string>> LoadedFilesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<GraphNode?> FindNodeAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<GraphEdge>> OutgoingAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<GraphEdge>> IncomingAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<GraphStatistics> StatisticsAsync(int top = 10, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
