using Graph.Worker.Inbox;
using Microsoft.Extensions.Logging;

namespace Graph.Worker.Pipeline;

/// <summary>
/// The end of a file's trip through the pipeline, in one place for the readers and the writer: counted for the
/// health endpoint, logged, moved to the failed folder when it cannot be loaded, and reported to the scheduler,
/// which takes it off the queue. Thread-safe.
/// </summary>
internal sealed class FileOutcomes(InboxScheduler scheduler, FailedFolder failedFolder, WorkerStatus status, ILogger<FileOutcomes> logger)
{
    public void Loaded(PendingDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        status.FileLoaded(document.Graph.References);
        WorkerLog.FileLoaded(logger, document.File.Name, document.Graph.Source, document.Graph.References);
        scheduler.Report(document.File, FileOutcome.Loaded);
    }

    public void Unchanged(InboxFile file)
    {
        status.FileUnchanged();
        WorkerLog.FileUnchanged(logger, file.Name);
        scheduler.Report(file, FileOutcome.Unchanged);
    }

    /// <summary>The file cannot be loaded, for certain: it goes to the failed folder with <paramref name="reason"/>.</summary>
    public void Failed(InboxFile file, string reason)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (failedFolder.Move(file, reason, out string? problem) is { } destination)
        {
            status.FileFailed();
            WorkerLog.FileFailed(logger, file.Name, reason, destination);
            scheduler.Report(file, FileOutcome.Failed);
        }
        else if (!File.Exists(file.FullPath))
        {
            Vanished(file);
        }
        else
        {
            WorkerLog.FileNotMoved(logger, file.Name, reason, problem ?? "unknown");
            scheduler.Report(file, FileOutcome.FailedInPlace);
        }
    }

    public void Changed(InboxFile file)
    {
        WorkerLog.FileChanged(logger, file.Name);
        scheduler.Report(file, FileOutcome.Changed);
    }

    public void Vanished(InboxFile file)
    {
        WorkerLog.FileVanished(logger, file.Name);
        scheduler.Report(file, FileOutcome.Vanished);
    }
}
