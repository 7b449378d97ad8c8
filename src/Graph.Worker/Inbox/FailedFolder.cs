using System.Globalization;

namespace Graph.Worker.Inbox;

/// <summary>
/// Where a file that cannot be loaded goes: the failed folder, at the same path it had inside the inbox, with
/// <c>&lt;name&gt;.error.txt</c> beside it (the reason on one line, then the time in UTC). Safe to call from several
/// threads for different files.
/// </summary>
internal sealed class FailedFolder(WorkerOptions options, InboxLayout layout)
{
    private readonly string root = Path.GetFullPath(options.Failed);

    /// <summary>
    /// Moves <paramref name="file"/> to the failed folder with its reason. The reason file is written first, so a
    /// crash between the two steps leaves the file in the inbox, where the next start fails it again and rewrites
    /// the reason, and never a failed file without its reason. A file already there under the same path (an earlier
    /// failure) is replaced.
    /// </summary>
    /// <returns>Where the file went, or null with <paramref name="problem"/> when it could not be moved.</returns>
    public string? Move(InboxFile file, string reason, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(file);
        string destination = Path.Combine(root, layout.RelativePath(file.FullPath));
        string reasonFile = destination + ".error.txt";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            string line = reason.ReplaceLineEndings(" ").Trim();
            string time = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            // Written in place, not through a temporary file: should a crash cut it short, the file is still in the
            // inbox, fails again at the next start and the reason is written whole; a temporary file would be left over.
            File.WriteAllText(reasonFile, $"{line}\n{time}\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = e.Message;
            return null;
        }
        try
        {
            File.Move(file.FullPath, destination, overwrite: true);
            problem = null;
            return destination;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No reason without its file: the file stays in the inbox.
            problem = e.Message;
            TryDelete(reasonFile);
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a leftover temporary file inside the failed folder, which is never read.
        }
    }
}
