using Microsoft.Extensions.Logging;

namespace Graph.Worker;

/// <summary>
/// Every message the worker logs, in one place with stable event ids, so an operator can grep or alert on them.
/// None takes a password: store addresses come from <c>IGraphStore.Address</c> or <see cref="WorkerOptions.StoreAddress"/>,
/// and store errors from the stores' messages, which never show one.
/// </summary>
internal static partial class WorkerLog
{
    [LoggerMessage(1, LogLevel.Information,
        "graph-worker started: inbox {Inbox}, failed folder {Failed}, store {Store}, {Parallelism} readers, batches of up to {BatchSize} "
        + "documents or {BatchDelay}, files up to {MaxFileBytes} bytes, stable after {StableFor}, rescan every {RescanInterval}, "
        + "retry after {RetryMin} to {RetryMax}, shutdown grace {ShutdownGrace}, health {HealthUrl}")]
    public static partial void Started(
        ILogger logger, string inbox, string failed, string store, int parallelism, int batchSize, TimeSpan batchDelay, int maxFileBytes,
        TimeSpan stableFor, TimeSpan rescanInterval, TimeSpan retryMin, TimeSpan retryMax, TimeSpan shutdownGrace, string healthUrl);

    [LoggerMessage(2, LogLevel.Information, "loaded {File} as {Source}: {References} references")]
    public static partial void FileLoaded(ILogger logger, string file, string source, int references);

    [LoggerMessage(3, LogLevel.Debug, "unchanged {File}: the store holds it with the same content")]
    public static partial void FileUnchanged(ILogger logger, string file);

    [LoggerMessage(4, LogLevel.Warning, "failed {File}: {Reason}; moved to {Destination}")]
    public static partial void FileFailed(ILogger logger, string file, string reason, string destination);

    [LoggerMessage(5, LogLevel.Error, "failed {File}: {Reason}; it could not be moved to the failed folder ({Problem}) and stays in the inbox until it changes")]
    public static partial void FileNotMoved(ILogger logger, string file, string reason, string problem);

    [LoggerMessage(6, LogLevel.Warning, "store {Store} unavailable: {Reason}; retry in {RetryIn}")]
    public static partial void StoreUnavailable(ILogger logger, string store, string reason, TimeSpan retryIn);

    [LoggerMessage(7, LogLevel.Information, "store {Store} is back after {Down}")]
    public static partial void StoreBack(ILogger logger, string store, TimeSpan down);

    [LoggerMessage(8, LogLevel.Information, "batch loaded: {Files} files, {References} references in {Milliseconds} ms")]
    public static partial void BatchLoaded(ILogger logger, int files, int references, long milliseconds);

    [LoggerMessage(9, LogLevel.Information, "graph-worker stopping: taking no more files, finishing the batch in flight; {Queue} files queued stay in the inbox for the next start")]
    public static partial void Stopping(ILogger logger, long queue);

    [LoggerMessage(10, LogLevel.Information, "graph-worker stopped: {Loaded} files loaded, {Failed} failed, {Unchanged} unchanged, {Retried} batches retried, {References} references since start")]
    public static partial void Stopped(ILogger logger, long loaded, long failed, long unchanged, long retried, long references);

    [LoggerMessage(11, LogLevel.Error, "the inbox {Inbox} cannot be read: {Reason}")]
    public static partial void InboxUnreadable(ILogger logger, string inbox, string reason);

    [LoggerMessage(12, LogLevel.Warning, "watching {Inbox} for changes failed ({Reason}); the periodic rescan still finds every file")]
    public static partial void WatcherFailed(ILogger logger, string inbox, string reason);

    [LoggerMessage(13, LogLevel.Debug, "{File} changed while it was read; it is read again once stable")]
    public static partial void FileChanged(ILogger logger, string file);

    [LoggerMessage(14, LogLevel.Debug, "{File} disappeared before it was read")]
    public static partial void FileVanished(ILogger logger, string file);

    [LoggerMessage(15, LogLevel.Critical, "graph-worker stopped on an unexpected error")]
    public static partial void Crashed(ILogger logger, Exception exception);

    [LoggerMessage(16, LogLevel.Debug, "health endpoint: answering {Path} failed: {Reason}")]
    public static partial void HealthRequestFailed(ILogger logger, string path, string reason);
}
