using Graph.Model;
using Graph.Worker.Inbox;

namespace Graph.Worker.Pipeline;

/// <summary>A file read and built, waiting for the writer: its graph carries the file's content hash for the journal.</summary>
internal sealed record PendingDocument(InboxFile File, DocumentGraph Graph);
