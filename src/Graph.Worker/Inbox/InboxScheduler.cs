using System.Diagnostics;
using System.Threading.Channels;
using Graph.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Graph.Worker.Inbox;

/// <summary>
/// Knows every file of the inbox and where it stands: stabilising (written to recently), queued (handed to the
/// pipeline and not yet settled) or settled (loaded, unchanged, or failed in place), and hands each file to the
/// pipeline once it is complete, once per content. One loop owns all that state; the watcher, the rescan and the
/// pipeline only post events to it, so nothing here needs a lock.
/// </summary>
/// <remarks>
/// Starting it walks the inbox once, before the health endpoint answers, so the queue it reports never reads 0
/// while files present at start are still to be looked at.
/// </remarks>
internal sealed class InboxScheduler : IHostedService, IDisposable
{
    // A burst of folder events (a tree copied in) asks for many rescans: one walk per quarter second covers them.
    private static readonly TimeSpan MinRescanSpacing = TimeSpan.FromMilliseconds(250);

    private readonly WorkerOptions options;
    private readonly InboxLayout layout;
    private readonly WorkerStatus status;
    private readonly IHostApplicationLifetime lifetime;
    private readonly ILogger<InboxScheduler> logger;
    private readonly InboxWatcher watcher;
    private readonly Channel<InboxEvent> events = Channel.CreateUnbounded<InboxEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<InboxFile> work = Channel.CreateUnbounded<InboxFile>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly Dictionary<string, TrackedFile> files = new(StringComparer.Ordinal);
    private readonly HashSet<string> stabilising = new(StringComparer.Ordinal);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource stopping = new();
    private Task loop = Task.CompletedTask;
    private int queued;
    private TimeSpan nextRescan;
    private TimeSpan lastRescan;
    private bool rescanSoon;
    private bool inboxReadable = true;

    public InboxScheduler(
        WorkerOptions options, InboxLayout layout, WorkerStatus status, IHostApplicationLifetime lifetime, ILogger<InboxScheduler> logger)
    {
        this.options = options;
        this.layout = layout;
        this.status = status;
        this.lifetime = lifetime;
        this.logger = logger;
        watcher = new InboxWatcher(
            layout.Root,
            (path, complete) => events.Writer.TryWrite(new InboxEvent.Touched(path, complete)),
            () => events.Writer.TryWrite(new InboxEvent.RescanSoon()));
    }

    /// <summary>Complete files to read, each at most once until the pipeline reports on it.</summary>
    public ChannelReader<InboxFile> Work => work.Reader;

    /// <summary>The pipeline's word on a file it was handed; safe from any thread.</summary>
    public void Report(InboxFile file, FileOutcome outcome) => events.Writer.TryWrite(new InboxEvent.Settled(file, outcome));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The watcher first, so that nothing written during the first walk goes unnoticed.
        StartWatcher();
        Rescan();
        status.SetQueue(stabilising.Count + queued);
        loop = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        watcher.Stop();
        // Files still queued stay in the inbox; the next start finds them again.
        work.Writer.TryComplete();
        await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        watcher.Dispose();
        stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await ScheduleAsync(stop).ConfigureAwait(false);
        }
        // Without this loop no file is ever handed out again: stop, with a failure code, for a supervisor to restart.
        catch (Exception e)
        {
            WorkerLog.Crashed(logger, e);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    private async Task ScheduleAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var now = clock.Elapsed;
            if (now >= nextRescan || (rescanSoon && now - lastRescan >= MinRescanSpacing))
            {
                Rescan();
            }
            PromoteCompleteFiles();
            status.SetQueue(stabilising.Count + queued);
            await WaitForEventsAsync(NextWake() - clock.Elapsed, stop).ConfigureAwait(false);
            while (events.Reader.TryRead(out var next))
            {
                Apply(next);
            }
        }
    }

    private async Task WaitForEventsAsync(TimeSpan timeout, CancellationToken stop)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stop);
        wake.CancelAfter(timeout > TimeSpan.FromMilliseconds(1) ? timeout : TimeSpan.FromMilliseconds(1));
        try
        {
            await events.Reader.WaitToReadAsync(wake.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Time to look at the stabilising files, rescan, or stop.
        }
    }

    /// <summary>When the loop has something to do without being told: the next rescan, or the first file due to be complete.</summary>
    private TimeSpan NextWake()
    {
        var wake = rescanSoon && lastRescan + MinRescanSpacing < nextRescan ? lastRescan + MinRescanSpacing : nextRescan;
        foreach (string name in stabilising)
        {
            var file = files[name];
            var due = file.Complete ? TimeSpan.Zero : file.SeenAt + options.StableFor;
            if (due < wake)
            {
                wake = due;
            }
        }
        return wake;
    }

    private void Apply(InboxEvent next)
    {
        switch (next)
        {
            case InboxEvent.Touched touched when layout.TryName(touched.FullPath, out string name):
                Observe(name, touched.FullPath, touched.Complete);
                break;
            case InboxEvent.RescanSoon:
                rescanSoon = true;
                break;
            case InboxEvent.Settled settled:
                Settle(settled.File, settled.Outcome);
                break;
        }
    }

    /// <summary>
    /// Walks the whole inbox as <c>graph build</c> does and looks at every file it lists; forgets files that are gone.
    /// Also restarts the watcher if it broke.
    /// </summary>
    private void Rescan()
    {
        rescanSoon = false;
        lastRescan = clock.Elapsed;
        nextRescan = lastRescan + options.RescanInterval;
        if (watcher.Broken)
        {
            StartWatcher();
        }
        List<DocumentFile> listed;
        try
        {
            listed = DocumentFiles.Expand([options.Inbox], out var missing);
            if (missing.Count > 0)
            {
                InboxUnreadable("the folder does not exist");
                return;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            InboxUnreadable(e.Message);
            return;
        }
        inboxReadable = true;
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in listed)
        {
            if (layout.IsRead(file.FullPath))
            {
                present.Add(file.Name);
                Observe(file.Name, file.FullPath, complete: false);
            }
        }
        foreach (var gone in files.Where(f => f.Value.State != FileState.Queued && !present.Contains(f.Key)).Select(f => f.Key).ToList())
        {
            Forget(gone);
        }
    }

    private void InboxUnreadable(string reason)
    {
        if (inboxReadable)
        {
            WorkerLog.InboxUnreadable(logger, options.Inbox, reason);
        }
        inboxReadable = false;
    }

    private void StartWatcher()
    {
        try
        {
            watcher.Start();
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // Too many watches (inotify's limit), or the inbox is gone: rescans keep finding files meanwhile.
            WorkerLog.WatcherFailed(logger, options.Inbox, e.Message);
        }
    }

    /// <summary>Looks at one file: a new or changed file starts stabilising; a queued one is looked at again once settled.</summary>
    private void Observe(string name, string fullPath, bool complete)
    {
        var stamp = FileStamp.Of(fullPath);
        var now = clock.Elapsed;
        if (!files.TryGetValue(name, out var file))
        {
            if (stamp is { } seen)
            {
                files[name] = new TrackedFile(fullPath) { State = FileState.Stabilising, Seen = seen, SeenAt = now, Complete = complete };
                stabilising.Add(name);
            }
            return;
        }
        switch (file.State)
        {
            case FileState.Queued:
                // Looked at again when the pipeline reports on it.
                break;
            case FileState.Settled when stamp is null:
                Forget(name);
                break;
            case FileState.Settled when stamp != file.Seen:
                file.State = FileState.Stabilising;
                file.Seen = stamp.Value;
                file.SeenAt = now;
                file.Complete = complete;
                stabilising.Add(name);
                break;
            case FileState.Stabilising when stamp is null:
                Forget(name);
                break;
            case FileState.Stabilising:
                if (stamp != file.Seen)
                {
                    file.Seen = stamp!.Value;
                    file.SeenAt = now;
                    file.Complete = complete;
                }
                else
                {
                    file.Complete |= complete;
                }
                break;
        }
    }

    /// <summary>Hands to the pipeline every stabilising file whose stamp has not changed for StableFor (or that a rename completed).</summary>
    private void PromoteCompleteFiles()
    {
        var now = clock.Elapsed;
        foreach (string name in stabilising.ToList())
        {
            var file = files[name];
            if (!file.Complete && now - file.SeenAt < options.StableFor)
            {
                continue;
            }
            var stamp = FileStamp.Of(file.FullPath);
            if (stamp is null)
            {
                Forget(name);
            }
            else if (stamp != file.Seen)
            {
                file.Seen = stamp.Value;
                file.SeenAt = now;
                file.Complete = false;
            }
            else
            {
                stabilising.Remove(name);
                file.State = FileState.Queued;
                queued++;
                work.Writer.TryWrite(new InboxFile(name, file.FullPath, stamp.Value));
            }
        }
    }

    private void Settle(InboxFile settled, FileOutcome outcome)
    {
        if (!files.TryGetValue(settled.Name, out var file) || file.State != FileState.Queued)
        {
            return;
        }
        queued--;
        if (outcome is FileOutcome.Failed or FileOutcome.Vanished or FileOutcome.Changed)
        {
            // Forgotten, so that the look below finds whatever is at that path now as a new file to stabilise.
            files.Remove(settled.Name);
        }
        else
        {
            file.State = FileState.Settled;
            file.Seen = settled.Stamp;
        }
        // Whatever happened while it was queued (rewritten, replaced after a failure) is picked up now, not at the next rescan.
        Observe(settled.Name, settled.FullPath, complete: false);
        status.SetQueue(stabilising.Count + queued);
    }

    private void Forget(string name)
    {
        files.Remove(name);
        stabilising.Remove(name);
    }

    private enum FileState
    {
        Stabilising,
        Queued,
        Settled,
    }

    /// <summary>What the scheduler knows of one file.</summary>
    private sealed class TrackedFile(string fullPath)
    {
        public string FullPath { get; } = fullPath;

        public FileState State { get; set; }

        /// <summary>The stamp last seen (stabilising), handed out (queued), or settled on.</summary>
        public FileStamp Seen { get; set; }

        /// <summary>When <see cref="Seen"/> was first seen, on the scheduler's clock.</summary>
        public TimeSpan SeenAt { get; set; }

        /// <summary>Renamed from <c>*.tmp</c>: complete now, without waiting for StableFor.</summary>
        public bool Complete { get; set; }
    }

    private abstract record InboxEvent
    {
        public sealed record Touched(string FullPath, bool Complete) : InboxEvent;

        public sealed record RescanSoon : InboxEvent;

        public sealed record Settled(InboxFile File, FileOutcome Outcome) : InboxEvent;
    }
}
