using System.Threading.Channels;
using Graph.Building;
using Graph.Pdf;
using Graph.Worker.Inbox;

namespace Graph.Worker.Pipeline;

/// <summary>
/// Reads, decodes (or rebuilds from a PDF), extracts and builds one file at a time, as <c>graph build</c> does, and passes the graph to the
/// writer; several run in parallel (the extractor is shared and thread-safe). A file whose content the journal
/// already holds is skipped; one that cannot become a graph fails here, before it reaches the store.
/// </summary>
internal sealed class DocumentReader(WorkerOptions options, LoadedFileJournal journal, FileOutcomes outcomes)
{
    /// <summary>Takes files until <paramref name="stop"/>; a file taken and not finished stays in the inbox for the next start.</summary>
    public async Task RunAsync(ChannelReader<InboxFile> work, ChannelWriter<PendingDocument> documents, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(documents);
        // No file can be judged unchanged before the journal has been read.
        await journal.Ready.WaitAsync(stop).ConfigureAwait(false);
        while (await work.WaitToReadAsync(stop).ConfigureAwait(false))
        {
            while (!stop.IsCancellationRequested && work.TryRead(out var file))
            {
                if (Read(file) is { } document)
                {
                    await documents.WriteAsync(document, stop).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>The file's graph, ready to load; null when it is settled here (unchanged, failed, changed or gone).</summary>
    private PendingDocument? Read(InboxFile file)
    {
        var stamp = FileStamp.Of(file.FullPath);
        if (stamp is null)
        {
            outcomes.Vanished(file);
            return null;
        }
        if (stamp != file.Stamp)
        {
            outcomes.Changed(file);
            return null;
        }
        if (stamp.Value.Length > options.MaxFileBytes)
        {
            outcomes.Failed(file, $"the file is larger than Worker:MaxFileBytes ({stamp.Value.Length} bytes; the limit is {options.MaxFileBytes})");
            return null;
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            outcomes.Vanished(file);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            outcomes.Failed(file, $"cannot read the file: {e.Message}");
            return null;
        }
        if (FileStamp.Of(file.FullPath) != file.Stamp || bytes.Length != file.Stamp.Length)
        {
            // Written to while it was read: the bytes may be half old, half new. Wait for it to settle again.
            outcomes.Changed(file);
            return null;
        }
        string hash = GraphBuilder.ContentHash(bytes);
        if (journal.Holds(file.Name, hash))
        {
            outcomes.Unchanged(file);
            return null;
        }
        if (DocumentFileReader.TryBuild(bytes, file.Name, hash, out string? error) is not { } graph)
        {
            outcomes.Failed(file, error!);
            return null;
        }
        return new PendingDocument(file, graph);
    }
}
