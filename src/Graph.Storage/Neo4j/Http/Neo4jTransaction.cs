using System.Runtime.ExceptionServices;

namespace Graph.Storage.Neo4j.Http;

/// <summary>
/// One explicit transaction, handed to a unit of work by <see cref="Neo4jClient.RunInTransactionAsync{T}"/>, which
/// commits or rolls it back. The server opens it with the first statement; until then it costs nothing.
/// Statements run one at a time, in the order they are called: neither API takes two requests on one transaction.
/// </summary>
internal sealed class Neo4jTransaction
{
    /// <summary>How long a rollback may take; the server rolls back an abandoned transaction itself after its idle timeout.</summary>
    private static readonly TimeSpan RollbackTimeout = TimeSpan.FromSeconds(10);

    private readonly Neo4jClient client;
    private readonly Neo4jHttpApi api;
    private readonly bool write;
    private readonly IReadOnlyList<string> bookmarks;
    private readonly SemaphoreSlim turn = new(1, 1);
    private string? id;
    private string? affinity;
    private bool ended;
    private bool committed;
    private ExceptionDispatchInfo? failure;

    internal Neo4jTransaction(Neo4jClient client, Neo4jHttpApi api, bool write, IReadOnlyList<string> bookmarks)
    {
        this.client = client;
        this.api = api;
        this.write = write;
        this.bookmarks = bookmarks;
    }

    /// <summary>Runs <paramref name="statement"/> in this transaction.</summary>
    /// <param name="statement">Cypher, with <c>$name</c> placeholders.</param>
    /// <param name="parameters">
    /// The placeholders' values: null, strings, booleans, integers, floating-point numbers, enums (sent by name), and
    /// lists and string-keyed maps of these, nested to any depth.
    /// </param>
    /// <param name="cancellationToken">Cancels the statement; the unit of work then ends and the transaction is rolled back.</param>
    /// <exception cref="ArgumentException">When a parameter's value has no Cypher counterpart.</exception>
    /// <exception cref="ObjectDisposedException">When the unit of work that got this transaction has already ended.</exception>
    /// <exception cref="Neo4jServerException">When Neo4j refuses the statement; the transaction cannot be used any more.</exception>
    /// <exception cref="GraphStoreException">When the server cannot be reached or answers with something other than Neo4j's JSON.</exception>
    public async Task<Neo4jRecords> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statement);
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(ended, this);
            failure?.Throw();
            var request = id is null ? api.Open(statement, parameters, write, bookmarks) : Pinned(api.Run(id, statement, parameters));
            var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (id is null)
            {
                // Taken before the failure check: a transaction that failed on its first statement may still need a rollback.
                id = api.TransactionId(response);
                affinity = response.ClusterAffinity;
            }
            client.ThrowIfFailed(response);
            if (id is null)
            {
                throw new GraphStoreException($"{client.Settings.Address}: {response}, but named no transaction");
            }
            return client.RecordsOf(api, response);
        }
        catch (Exception e) when (e is not ObjectDisposedException)
        {
            // The server has closed the transaction after most errors; a commit must fail the same way, even if the
            // unit of work caught this exception, and a retryable failure must still lead to a retry.
            failure ??= ExceptionDispatchInfo.Capture(e);
            throw;
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>Commits, or rethrows the first failure of a statement; a transaction that ran nothing has nothing to commit.</summary>
    internal async Task CommitAsync(CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(ended, this);
            failure?.Throw();
            ended = true;
            if (id is null)
            {
                committed = true;
                return;
            }
            var response = await client.SendAsync(Pinned(api.Commit(id)), cancellationToken).ConfigureAwait(false);
            client.ThrowIfFailed(response);
            committed = true;
            client.RememberBookmarks(api.Bookmarks(response));
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>
    /// Rolls back if a transaction was opened and not committed (also after a commit that may not have arrived), and
    /// never throws: the failure that led here is the one to report.
    /// </summary>
    internal async Task RollBackQuietlyAsync()
    {
        ended = true;
        if (id is null || committed)
        {
            return;
        }
        string opened = id;
        id = null;
        try
        {
            await client.SendAsync(Pinned(api.Rollback(opened)), CancellationToken.None, RollbackTimeout).ConfigureAwait(false);
        }
        catch (GraphStoreException)
        {
            // Unreachable or timed out: the server rolls the transaction back itself once it has been idle long enough.
        }
    }

    /// <summary>Sends the request to the cluster member that opened the transaction, as the Query API requires.</summary>
    private Neo4jRequest Pinned(Neo4jRequest request) => request.WithHeader(Neo4jResponse.ClusterAffinityHeader, affinity);
}
