using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Graph.Cli;

/// <summary>
/// Runs a function over a list of items on threads of its own and hands the results back in the items' order, as
/// soon as they are ready and all before them have been handed back. At most <c>window</c> items are claimed ahead
/// of the caller, so memory stays flat however many items there are and however slow the caller is.
/// </summary>
/// <remarks>
/// <para>
/// A thread claims a run of consecutive items at a time, not one, and the caller is woken once a run is done, not
/// once an item is: handing a small document from one thread to another cost more than extracting it. On the 2-core
/// build VM, handing over each file (22,000 files of 9 KB) made 85,000 context switches, and a two-thread
/// <c>extract</c> spent 40% more CPU than a one-thread one. Each thread sizes its runs by how long its items have
/// taken (about <see cref="RunTarget"/> of work a run), so a run of small text files is a few dozen of them while a
/// slow PDF is claimed alone and cannot hold up the others for long.
/// </para>
/// <para>
/// The threads belong to the instance (<see cref="Dispose"/> stops them), not to the thread pool: a pool thread that
/// finishes an item looks for other work and wakes others, which is the hand-over cost this class avoids.
/// </para>
/// </remarks>
internal sealed class OrderedParallel<TItem, TResult> : IDisposable
{
    /// <summary>Roughly how long a run of items takes; long enough that handing a run over costs a few percent of it.</summary>
    private static readonly TimeSpan RunTarget = TimeSpan.FromMilliseconds(4);

    private readonly IReadOnlyList<TItem> items;
    private readonly Func<TItem, TResult> work;
    private readonly int window;
    private readonly int longestRun;
    private readonly List<Thread> threads;
    private readonly Queue<Run> runs = new(); // claimed, in item order; the first is the caller's next
    // An object, not a Lock: the caller and the threads wait on it for each other (Monitor.Wait).
    private readonly object gate = new();
    private int claimed;           // items claimed by the threads (the next to claim)
    private int released;          // items of the runs the caller has finished with
    private bool stopping;
    private int idleThreads;       // threads waiting for room in the window
    private bool callerWaiting;    // the caller is waiting for the first run to be done
    private Run? current;          // the run the caller is reading
    private int next;              // the caller's next index within it

    /// <param name="items">What to work on, in the order the results are wanted.</param>
    /// <param name="degree">How many items are worked on at once (threads started).</param>
    /// <param name="window">How many items may be claimed ahead of the caller: results done and waiting, and work running.</param>
    /// <param name="work">The work; it runs on several threads at once, so it must be thread-safe. What it throws is
    /// thrown to the caller when the caller reaches that item.</param>
    public OrderedParallel(IReadOnlyList<TItem> items, int degree, int window, Func<TItem, TResult> work)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        this.items = items;
        this.work = work;
        this.window = window;
        // Every thread can have a run in the window while the caller reads one.
        longestRun = Math.Max(1, window / (degree + 1));
        threads = [.. Enumerable.Range(0, Math.Max(1, Math.Min(degree, items.Count))).Select(i => new Thread(Work)
        {
            IsBackground = true,
            Name = $"graph work {i + 1}",
        })];
        foreach (var thread in threads)
        {
            thread.Start();
        }
    }

    /// <summary>
    /// The next result in order, waiting for it if it is not done yet; false once every item has been handed back.
    /// Only one thread may call it.
    /// </summary>
    /// <param name="result">The next item's result.</param>
    /// <param name="waiting">Called, on the caller's thread, before waiting for a result that is not done yet: the
    /// moment to flush what was written so far.</param>
    public bool TryTake(out TResult result, Action? waiting = null)
    {
        if (current is null || next == current.Count)
        {
            if (NextRun(waiting) is not { } run)
            {
                result = default!;
                return false;
            }
            current = run;
            next = 0;
        }
        int at = next++;
        current.Failures?[at]?.Throw();
        result = current.Results[at];
        return true;
    }

    /// <summary>Stops: no item is started any more, and the threads end once the items they are working on are done.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            stopping = true;
            Monitor.PulseAll(gate);
        }
        foreach (var thread in threads)
        {
            thread.Join();
        }
    }

    /// <summary>Releases the run the caller has read and waits until the next one is done; null when there is none.</summary>
    private Run? NextRun(Action? waiting)
    {
        bool warned = false;
        lock (gate)
        {
            if (current is not null)
            {
                released += current.Count;
                runs.Dequeue();
                current = null;
                if (idleThreads > 0)
                {
                    Monitor.PulseAll(gate);
                }
            }
            while (true)
            {
                if (runs.TryPeek(out var first) && first.Done)
                {
                    return first;
                }
                if (runs.Count == 0 && (claimed == items.Count || stopping))
                {
                    return null;
                }
                if (!warned && waiting is not null)
                {
                    warned = true;
                    Monitor.Exit(gate);
                    try
                    {
                        waiting();
                    }
                    finally
                    {
                        Monitor.Enter(gate);
                    }
                    continue;
                }
                callerWaiting = true;
                Monitor.Wait(gate);
                callerWaiting = false;
            }
        }
    }

    private void Work()
    {
        // Seconds an item takes on this thread, averaged so one slow item does not shrink the runs for long.
        double perItem = 0;
        while (ClaimRun(perItem) is { } run)
        {
            long started = Stopwatch.GetTimestamp();
            for (int i = 0; i < run.Count; i++)
            {
                try
                {
                    run.Results[i] = work(items[run.Start + i]);
                }
                catch (Exception e)
                {
                    run.Failures ??= new ExceptionDispatchInfo?[run.Count];
                    run.Failures[i] = ExceptionDispatchInfo.Capture(e);
                }
            }
            double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds / run.Count;
            perItem = perItem == 0 ? seconds : (perItem + seconds) / 2;
            lock (gate)
            {
                run.Done = true;
                if (callerWaiting && runs.Peek() == run)
                {
                    Monitor.PulseAll(gate);
                }
            }
        }
    }

    /// <summary>The next run of items for a thread, once the window has room for it; null when there is nothing left to do.</summary>
    private Run? ClaimRun(double perItem)
    {
        int wanted = perItem <= 0 ? 1 : (int)Math.Clamp(RunTarget.TotalSeconds / perItem, 1, longestRun);
        lock (gate)
        {
            while (!stopping && claimed < items.Count && claimed - released >= window)
            {
                idleThreads++;
                Monitor.Wait(gate);
                idleThreads--;
            }
            if (stopping || claimed == items.Count)
            {
                return null;
            }
            int count = Math.Min(wanted, Math.Min(items.Count - claimed, window - (claimed - released)));
            var run = new Run(claimed, count);
            claimed += count;
            runs.Enqueue(run);
            return run;
        }
    }

    /// <summary>Consecutive items claimed by one thread, and their results once <see cref="Done"/>.</summary>
    private sealed class Run(int start, int count)
    {
        public int Start { get; } = start;

        public int Count { get; } = count;

        public TResult[] Results { get; } = new TResult[count];

        /// <summary>What the work threw, by item, if it threw at all.</summary>
        public ExceptionDispatchInfo?[]? Failures { get; set; }

        /// <summary>Set under the lock once every item of the run has its result.</summary>
        public bool Done { get; set; }
    }
}

/// <summary>The ordered parallel loop as a sequence, for a caller that reads the results once, front to back.</summary>
internal static class OrderedParallel
{
    /// <summary>How many items may be claimed ahead of the caller, for each thread working.</summary>
    private const int WindowPerThread = 64;

    /// <summary>The results of <paramref name="work"/> over <paramref name="items"/>, in order.</summary>
    /// <param name="items">What to work on.</param>
    /// <param name="degree">How many items are worked on at once; 1 runs them one after the other on the caller's thread.</param>
    /// <param name="work">The work; it must be safe to run on several threads at once.</param>
    /// <param name="waiting">Called on the caller's thread whenever the next result is not ready yet (before each
    /// item, when run one after the other): the moment to flush what was written so far.</param>
    public static IEnumerable<TResult> Select<TItem, TResult>(IReadOnlyList<TItem> items, int degree, Func<TItem, TResult> work, Action? waiting = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        return degree == 1 ? InTurn(items, work, waiting) : InParallel(items, degree, work, waiting);
    }

    private static IEnumerable<TResult> InTurn<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, TResult> work, Action? waiting)
    {
        foreach (var item in items)
        {
            waiting?.Invoke();
            yield return work(item);
        }
    }

    private static IEnumerable<TResult> InParallel<TItem, TResult>(IReadOnlyList<TItem> items, int degree, Func<TItem, TResult> work, Action? waiting)
    {
        // Disposed when the caller stops reading, early or not: the threads stop starting items.
        using var loop = new OrderedParallel<TItem, TResult>(items, degree, WindowPerThread * degree, work);
        while (loop.TryTake(out var result, waiting))
        {
            yield return result;
        }
    }
}
