using Graph.Text;

namespace Graph.Worker.Inbox;

/// <summary>
/// Which files of the inbox are read and what each is called. The rules are those of
/// <see cref="DocumentFiles.Expand"/> on the inbox, so that the worker names and reads exactly what
/// <c>graph build &lt;Inbox&gt;</c> would, plus two of the worker's own: never the failed folder, and never a
/// <c>*.tmp</c> file (one still being written, to be renamed when complete).
/// </summary>
internal sealed class InboxLayout
{
    private readonly string prefix;
    private readonly string failedRoot;

    public InboxLayout(WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Inbox = options.Inbox;
        Root = Path.GetFullPath(options.Inbox);
        prefix = options.Inbox.Replace('\\', '/').TrimEnd('/');
        failedRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Failed));
    }

    /// <summary>The inbox as configured.</summary>
    public string Inbox { get; }

    /// <summary>The inbox's absolute path.</summary>
    public string Root { get; }

    /// <summary>
    /// The name of the file at <paramref name="fullPath"/> (from a watcher event) when it is one the worker reads:
    /// the configured inbox, '/', and its path inside the inbox, as <see cref="DocumentFiles.Expand"/> names it.
    /// </summary>
    public bool TryName(string fullPath, out string name)
    {
        name = "";
        string relative = Path.GetRelativePath(Root, fullPath);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) || !IsRead(fullPath))
        {
            return false;
        }
        // The walk skips hidden entries (on Unix, a name that starts with a dot), folders included.
        foreach (string part in relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))
        {
            if (part.StartsWith('.'))
            {
                return false;
            }
        }
        name = $"{prefix}/{relative.Replace('\\', '/')}";
        return true;
    }

    /// <summary>Whether a file that the walk lists, or a watcher reports, is one the worker reads.</summary>
    public bool IsRead(string fullPath)
    {
        if (IsInFailed(fullPath) || fullPath.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        string extension = Path.GetExtension(fullPath);
        return DocumentFiles.Extensions.Any(e => extension.Equals(e, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether <paramref name="fullPath"/> is inside the failed folder, which is never read even when it lies inside the inbox.</summary>
    public bool IsInFailed(string fullPath) =>
        fullPath.StartsWith(failedRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || string.Equals(Path.TrimEndingDirectorySeparator(fullPath), failedRoot, StringComparison.Ordinal);

    /// <summary>The path of <paramref name="fullPath"/> inside the inbox, which the failed folder keeps.</summary>
    public string RelativePath(string fullPath) => Path.GetRelativePath(Root, fullPath);
}
