using System.Diagnostics;
using System.Threading.Channels;
using Graph.Storage;
using Microsoft.Extensions.Logging;

namespace Graph.Worker.Pipeline;

/// <summary>
/// The single writer: gathers built documents into batches (up to BatchSize, or what arrived within BatchDelay of
/// the first) and loads each batch in one transaction. A batch the store refuses is split as <c>graph build</c>
/// splits it, so a document refused alone costs only itself. While the store is unavailable the same batch is tried
/// again after a backoff, and the readers behind it wait: no file is lost, and none is loaded twice, since a load
/// replaces what the file said before and the journal is written in the same transaction as the graph.
/// It also reads the store's journal at start (before any reader judges a file unchanged) and again every
/// RescanInterval, which doubles as the probe that keeps the health endpoint's store state current when idle.
/// </summary>
internal sealed class BatchWriter(
    WorkerOptions options, StoreSession store, LoadedFileJournal journal, FileOutcomes outcomes, WorkerStatus status, ILogger<BatchWriter> logger)
{
    /// <summary>Runs until <paramref name="stop"/>, then finishes the batch it is loading (or gathering) and returns.</summary>
    /// <param name="documents">What the readers built.</param>
    /// <param name="stop">Stop taking documents.</param>
    /// <param name="abandon">Give up the batch in flight (near the end of the shutdown grace): the store rolls it back.</param>
    public async Task RunAsync(ChannelReader<PendingDocument> documents, CancellationToken stop, CancellationToken abandon)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (!await ReadJournalUntilAvailableAsync(stop).ConfigureAwait(false))
        {
            return;
        }
        var nextJournalRead = Stopwatch.GetTimestamp();
        var batch = new List<PendingDocument>(options.BatchSize);
        while (!stop.IsCancellationRequested)
        {
            if (!await WaitAsync(documents, options.RescanInterval - Stopwatch.GetElapsedTime(nextJournalRead), stop).ConfigureAwait(false))
            {
                if (!stop.IsCancellationRequested)
                {
                    await ReadJournalOnceAsync(stop).ConfigureAwait(false);
                    nextJournalRead = Stopwatch.GetTimestamp();
                }
                continue;
            }
            await GatherAsync(documents, batch, stop).ConfigureAwait(false);
            await LoadAsync(batch, stop, abandon).ConfigureAwait(false);
            batch.Clear();
            if (Stopwatch.GetElapsedTime(nextJournalRead) >= options.RescanInterval && !stop.IsCancellationRequested)
            {
                await ReadJournalOnceAsync(stop).ConfigureAwait(false);
                nextJournalRead = Stopwatch.GetTimestamp();
            }
        }
    }

    /// <summary>Waits for a document; false when <paramref name="timeout"/> passed first (or on stop).</summary>
    private static async Task<bool> WaitAsync(ChannelReader<PendingDocument> documents, TimeSpan timeout, CancellationToken stop)
    {
        if (documents.TryPeek(out _))
        {
            return true;
        }
        if (timeout <= TimeSpan.Zero)
        {
            return false;
        }
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop);
        wait.CancelAfter(timeout);
        try
        {
            return await documents.WaitToReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Takes documents into <paramref name="batch"/> until it is full or BatchDelay has passed since the first.</summary>
    private async Task GatherAsync(ChannelReader<PendingDocument> documents, List<PendingDocument> batch, CancellationToken stop)
    {
        long first = Stopwatch.GetTimestamp();
        while (batch.Count < options.BatchSize)
        {
            if (documents.TryRead(out var document))
            {
                batch.Add(document);
                continue;
            }
            var left = options.BatchDelay - Stopwatch.GetElapsedTime(first);
            if (stop.IsCancellationRequested || !await WaitAsync(documents, left, stop).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Loads <paramref name="batch"/>, trying again after a backoff while the store is unavailable and splitting it
    /// when the store refuses it. Returns without loading on stop (while waiting) or on abandon (while loading): the
    /// files stay in the inbox and the journal does not hold them, so the next start loads them.
    /// </summary>
    private async Task LoadAsync(List<PendingDocument> batch, CancellationToken stop, CancellationToken abandon)
    {
        // Ordinal order of name, as graph build loads them.
        batch.Sort((a, b) => string.CompareOrdinal(a.File.Name, b.File.Name));
        var backoff = new Backoff(options.RetryMin, options.RetryMax);
        while (true)
        {
            long started = Stopwatch.GetTimestamp();
            try
            {
                await store.LoadAsync([.. batch.Select(d => d.Graph)], abandon).ConfigureAwait(false);
            }
            catch (GraphStoreUnavailableException e)
            {
                if (!await WaitToRetryAsync(backoff, e, stop).ConfigureAwait(false))
                {
                    return;
                }
                continue;
            }
            catch (OperationCanceledException) when (abandon.IsCancellationRequested)
            {
                return;
            }
            // Anything else the store throws is a refusal of something in the batch (StoreSession's rule).
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                if (batch.Count > 1)
                {
                    // As graph build does: each document alone, so that one bad document costs only itself.
                    foreach (var document in batch)
                    {
                        await LoadAsync([document], stop, abandon).ConfigureAwait(false);
                    }
                }
                else
                {
                    outcomes.Failed(batch[0].File, $"the store refused it: {e.Message}");
                }
                return;
            }
            foreach (var document in batch)
            {
                journal.Record(document.File.Name, document.Graph.ContentHash!);
                outcomes.Loaded(document);
            }
            WorkerLog.BatchLoaded(logger, batch.Count, batch.Sum(d => d.Graph.References), (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return;
        }
    }

    /// <summary>Reads the journal, waiting out an unavailable store; false when stopped first.</summary>
    private async Task<bool> ReadJournalUntilAvailableAsync(CancellationToken stop)
    {
        var backoff = new Backoff(options.RetryMin, options.RetryMax);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                journal.Replace(await store.LoadedFilesAsync(stop).ConfigureAwait(false));
                return true;
            }
            catch (GraphStoreUnavailableException e)
            {
                if (!await WaitToRetryAsync(backoff, e, stop).ConfigureAwait(false))
                {
                    return false;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>Logs that the store is down, waits the next backoff delay and counts a retry; false when stopped meanwhile.</summary>
    private async Task<bool> WaitToRetryAsync(Backoff backoff, GraphStoreUnavailableException e, CancellationToken stop)
    {
        var delay = backoff.Next();
        WorkerLog.StoreUnavailable(logger, store.Address, e.Message, delay);
        try
        {
            await Task.Delay(delay, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        status.CountRetry();
        return true;
    }

    /// <summary>Reads the journal again; an unavailable store is tried again at the next read (or batch).</summary>
    private async Task ReadJournalOnceAsync(CancellationToken stop)
    {
        try
        {
            journal.Replace(await store.LoadedFilesAsync(stop).ConfigureAwait(false));
        }
        catch (GraphStoreUnavailableException e)
        {
            WorkerLog.StoreUnavailable(logger, store.Address, e.Message, options.RescanInterval);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
