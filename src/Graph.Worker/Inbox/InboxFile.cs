namespace Graph.Worker.Inbox;

/// <summary>A complete file of the inbox, handed to the pipeline.</summary>
/// <param name="Name">The name <c>graph build &lt;Inbox&gt;</c> gives it, which its evidence and the journal record.</param>
/// <param name="FullPath">Where it is.</param>
/// <param name="Stamp">Its stamp when it was found complete: a reader that sees another has caught it being rewritten.</param>
internal sealed record InboxFile(string Name, string FullPath, FileStamp Stamp);
