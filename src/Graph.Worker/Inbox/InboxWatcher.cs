namespace Graph.Worker.Inbox;

/// <summary>
/// Turns the operating system's change notifications for the inbox into calls to the scheduler. Notifications are
/// a hint, never the record: a watcher misses events (its buffer overflows, a folder moved in brings files that
/// raise none), so the scheduler also rescans the whole inbox periodically, and at once when this reports
/// <paramref name="rescan"/>.
/// </summary>
/// <param name="root">The inbox's absolute path.</param>
/// <param name="touched">A file path that may have been created, changed, renamed or deleted; true when it was just renamed from <c>*.tmp</c>, which completes it.</param>
/// <param name="rescan">Something happened that file events alone do not describe: a folder came or went, or events were lost.</param>
internal sealed class InboxWatcher(string root, Action<string, bool> touched, Action rescan) : IDisposable
{
    private FileSystemWatcher? watcher;

    /// <summary>Whether the watcher stopped reporting (an error): the scheduler starts it again at its next rescan.</summary>
    public bool Broken { get; private set; } = true;

    /// <summary>Starts (or starts again) watching; throws what FileSystemWatcher throws when the inbox cannot be watched.</summary>
    public void Start()
    {
        Stop();
        var created = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            // The largest buffer the OS allows: fewer overflows in a burst of arrivals.
            InternalBufferSize = 64 * 1024,
        };
        created.Created += (_, e) => Changed(e.FullPath, complete: false);
        created.Changed += (_, e) => Changed(e.FullPath, complete: false);
        created.Deleted += (_, e) => Changed(e.FullPath, complete: false);
        created.Renamed += (_, e) =>
        {
            touched(e.OldFullPath, false);
            Changed(e.FullPath, complete: e.OldFullPath.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase));
        };
        created.Error += (_, _) =>
        {
            Broken = true;
            rescan();
        };
        created.EnableRaisingEvents = true;
        watcher = created;
        Broken = false;
    }

    public void Stop()
    {
        watcher?.Dispose();
        watcher = null;
        Broken = true;
    }

    public void Dispose() => Stop();

    private void Changed(string path, bool complete)
    {
        if (Directory.Exists(path))
        {
            // A folder created or moved in: its files raise no events of their own.
            rescan();
        }
        else
        {
            touched(path, complete);
        }
    }
}
