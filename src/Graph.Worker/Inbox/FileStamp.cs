namespace Graph.Worker.Inbox;

/// <summary>
/// A file's size and last-write time: while either changes, someone is still writing it. A file is complete once its
/// stamp has stayed the same for <see cref="WorkerOptions.StableFor"/>.
/// </summary>
internal readonly record struct FileStamp(long Length, DateTime LastWriteUtc)
{
    /// <summary>The stamp of the file at <paramref name="path"/>; null when there is no such file (or it is a folder) or it cannot be seen.</summary>
    public static FileStamp? Of(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
