using System.Diagnostics;
using Graph.Model;
using Graph.Storage;
using Graph.Store;
using Microsoft.Extensions.Logging;

namespace Graph.Worker.Pipeline;

/// <summary>
/// The writer's store: opened on first use, closed after it is found unavailable and opened afresh on the next
/// use (a SQLite connection or a server session may not survive what made it fail). It records whether the store
/// answered at the last attempt, for the health endpoint, and turns every failure that means "down" into a
/// <see cref="GraphStoreUnavailableException"/>, so its caller has one exception to wait on. Used by one task at a
/// time, as stores require.
/// </summary>
/// <remarks>
/// The one rule for telling a store that is down from a store that refuses a document. Down is never a file's
/// fault: its batch waits and is tried again. Refused is: the batch is split and the document refused alone fails.
/// Down is
/// <list type="bullet">
/// <item>a <see cref="GraphStoreUnavailableException"/>: a server that cannot be reached or refuses the credentials,
/// an SQLite file that is busy, locked, read-only, failing with an I/O error, on a full disk or cannot be opened
/// (each store decides which of its failures these are);</item>
/// <item>any failure to open the store, once the configuration has been checked at start, or to read its journal:
/// neither concerns a document;</item>
/// <item>a call cancelled that the worker did not cancel (a client's timeout).</item>
/// </list>
/// Anything else a store throws while loading a batch is a refusal of something in the batch.
/// </remarks>
internal sealed class StoreSession(WorkerOptions options, WorkerStatus status, ILogger<StoreSession> logger) : IAsyncDisposable
{
    private IGraphStore? store;
    private long downSince;

    /// <summary>The address to name the store by in messages: the store's own once opened.</summary>
    public string Address => status.StoreAddress;

    /// <summary>Loads a batch in one transaction (see <see cref="IGraphStore.LoadAsync"/>).</summary>
    /// <exception cref="GraphStoreUnavailableException">The store is down; nothing in the batch is to blame.</exception>
    /// <exception cref="GraphStoreException">The store refused something in the batch; nothing in it was written.</exception>
    public Task LoadAsync(IReadOnlyList<DocumentGraph> batch, CancellationToken cancellationToken) =>
        UseAsync(
            async s =>
            {
                await s.LoadAsync(batch, cancellationToken).ConfigureAwait(false);
                return true;
            },
            refusalIsUnavailable: false,
            cancellationToken);

    /// <summary>The store's journal: each loaded file's name and content hash.</summary>
    /// <exception cref="GraphStoreUnavailableException">The store is down, or could not give its journal.</exception>
    public Task<IReadOnlyDictionary<string, string>> LoadedFilesAsync(CancellationToken cancellationToken) =>
        // Reading the journal concerns no document: whatever stops it, the worker can only wait.
        UseAsync(s => s.LoadedFilesAsync(cancellationToken), refusalIsUnavailable: true, cancellationToken);

    public async ValueTask DisposeAsync() => await CloseAsync().ConfigureAwait(false);

    private async Task<T> UseAsync<T>(Func<IGraphStore, Task<T>> action, bool refusalIsUnavailable, CancellationToken cancellationToken)
    {
        var opened = Open();
        T result;
        try
        {
            result = await action(opened).ConfigureAwait(false);
        }
        catch (Exception e) when (e is GraphStoreUnavailableException
            || (refusalIsUnavailable && e is GraphStoreException)
            // Cancelled without being asked to: a client timeout, a store that did not answer in time.
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await FailedAsync().ConfigureAwait(false);
            throw e as GraphStoreUnavailableException
                ?? new GraphStoreUnavailableException(e is GraphStoreException ? e.Message : $"{Address}: {e.Message}", e);
        }
        catch (GraphStoreException)
        {
            // A refusal is an answer: the store is up.
            Answered();
            throw;
        }
        Answered();
        return result;
    }

    private IGraphStore Open()
    {
        if (store is not null)
        {
            return store;
        }
        try
        {
            store = GraphStores.Open(options.Store, create: true, options.Database, options.User, options.Password, options.LockTimeout);
        }
        catch (GraphStoreException e)
        {
            // The address was checked at start, so whatever stops it opening now (a file locked or not yet a graph
            // store, a folder unmounted) is the store's state, not the configuration: wait for it like a server down.
            MarkDown();
            throw e as GraphStoreUnavailableException ?? new GraphStoreUnavailableException(e.Message, e);
        }
        status.StoreAddress = store.Address;
        return store;
    }

    private void Answered()
    {
        if (status.SetStoreReachable(true) && downSince != 0)
        {
            WorkerLog.StoreBack(logger, Address, Stopwatch.GetElapsedTime(downSince));
        }
        downSince = 0;
    }

    private async Task FailedAsync()
    {
        MarkDown();
        await CloseAsync().ConfigureAwait(false);
    }

    private void MarkDown()
    {
        status.SetStoreReachable(false);
        if (downSince == 0)
        {
            downSince = Stopwatch.GetTimestamp();
        }
    }

    private async Task CloseAsync()
    {
        var closing = store;
        store = null;
        if (closing is not null)
        {
            try
            {
                await closing.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is GraphStoreException or IOException or InvalidOperationException)
            {
                // A store that failed may fail to close as well; it is dropped all the same.
            }
        }
    }
}
