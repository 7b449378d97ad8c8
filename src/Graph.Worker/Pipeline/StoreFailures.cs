using Graph.Storage;
using Microsoft.Data.Sqlite;

namespace Graph.Worker.Pipeline;

/// <summary>
/// The one rule for telling a store that is down from a store that refuses a document. Down is never a file's
/// fault: its batch waits and is tried again. Refused is: the batch is split and the document refused alone fails.
/// </summary>
/// <remarks>
/// The store is taken to be down (unavailable) when the failure is
/// <list type="bullet">
/// <item>a <see cref="GraphStoreUnavailableException"/> (a server that cannot be reached or refuses the credentials);</item>
/// <item>a <see cref="GraphStoreException"/> caused by SQLite's busy, locked, read-only, I/O error, disk full or
/// cannot-open codes (5, 6, 8, 10, 13, 14): the file is held by another process, or its disk or folder is in trouble;</item>
/// <item>a <see cref="GraphStoreException"/> whose message says locked, busy, read-only, unable to open or cannot be
/// opened, for stores that give only words;</item>
/// <item>any failure to open the store, once the configuration has been checked at start, or to read its journal:
/// neither concerns a document;</item>
/// <item>a call cancelled that the worker did not cancel (a client's timeout): <see cref="StoreSession"/> applies
/// these last two, which need to know what it asked for.</item>
/// </list>
/// Anything else a store throws while loading a batch is a refusal of something in the batch.
/// </remarks>
internal static class StoreFailures
{
    private static readonly int[] SqliteUnavailableCodes = [5, 6, 8, 10, 13, 14];

    private static readonly string[] UnavailableWords = ["locked", "busy", "readonly", "read-only", "unable to open", "cannot be opened"];

    public static bool IsUnavailable(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure is GraphStoreUnavailableException)
        {
            return true;
        }
        if (failure is not GraphStoreException)
        {
            return false;
        }
        for (var inner = failure.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SqliteException sqlite && SqliteUnavailableCodes.Contains(sqlite.SqliteErrorCode))
            {
                return true;
            }
        }
        return UnavailableWords.Any(w => failure.Message.Contains(w, StringComparison.OrdinalIgnoreCase));
    }
}
