using System.Collections.Concurrent;

namespace Graph.Worker.Pipeline;

/// <summary>
/// The worker's copy of the store's journal (<c>IGraphStore.LoadedFilesAsync</c>: each loaded file's name and
/// content hash), which the readers consult to skip a file loaded before with the same content. The store's journal
/// is the record, written in the same transaction as the graph; this copy is read from it at start and at each
/// rescan, and follows each batch the writer commits.
/// </summary>
internal sealed class LoadedFileJournal
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConcurrentDictionary<string, string> hashes = new(StringComparer.Ordinal);

    /// <summary>Completes once the journal has been read from the store: until then no file can be judged unchanged.</summary>
    public Task Ready => ready.Task;

    /// <summary>Whether the store holds the file <paramref name="name"/> loaded with exactly this content.</summary>
    public bool Holds(string name, string hash) =>
        Volatile.Read(ref hashes).TryGetValue(name, out string? loaded) && string.Equals(loaded, hash, StringComparison.Ordinal);

    /// <summary>Takes the store's journal as read.</summary>
    public void Replace(IReadOnlyDictionary<string, string> loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        Volatile.Write(ref hashes, new ConcurrentDictionary<string, string>(loaded, StringComparer.Ordinal));
        ready.TrySetResult();
    }

    /// <summary>Notes a file the writer has just loaded.</summary>
    public void Record(string name, string hash) => Volatile.Read(ref hashes)[name] = hash;
}
