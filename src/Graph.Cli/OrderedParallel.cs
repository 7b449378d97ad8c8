using System.Threading.Channels;

namespace Graph.Cli;

/// <summary>
/// Runs a function over items on several threads and hands the results back in the items' order, as soon as
/// each is ready and all before it have been handed back. At most <c>degree</c> items are worked on at once and at
/// most <c>2 × degree</c> finished results wait for their turn, so memory stays flat however many items there are
/// and however long one of them takes.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>The results of <paramref name="work"/> over <paramref name="items"/>, in order.</summary>
    /// <param name="items">What to work on.</param>
    /// <param name="degree">How many items are worked on at once; 1 runs them one after the other on the caller's thread.</param>
    /// <param name="work">The work; it runs on pool threads, so it must be safe to run on several at once.</param>
    /// <param name="waiting">Called on the caller's thread whenever the next result is not ready yet (before each
    /// item, when run one after the other): the moment to flush what was written so far.</param>
    public static IEnumerable<TResult> Select<TItem, TResult>(IEnumerable<TItem> items, int degree, Func<TItem, TResult> work, Action? waiting = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        return degree == 1 ? InTurn(items, work, waiting) : InParallel(items, degree, work, waiting);
    }

    private static IEnumerable<TResult> InTurn<TItem, TResult>(IEnumerable<TItem> items, Func<TItem, TResult> work, Action? waiting)
    {
        foreach (var item in items)
        {
            waiting?.Invoke();
            yield return work(item);
        }
    }

    private static IEnumerable<TResult> InParallel<TItem, TResult>(IEnumerable<TItem> items, int degree, Func<TItem, TResult> work, Action? waiting)
    {
        var pending = Channel.CreateBounded<Task<TResult>>(new BoundedChannelOptions(degree * 2) { SingleReader = true, SingleWriter = true });
        // Not disposed: work still running when the caller stops early releases it afterwards.
        var running = new SemaphoreSlim(degree);
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var item in items)
                {
                    await running.WaitAsync(stop.Token).ConfigureAwait(false);
                    var task = Task.Run(() =>
                    {
                        try
                        {
                            return work(item);
                        }
                        finally
                        {
                            running.Release();
                        }
                    });
                    await pending.Writer.WriteAsync(task, stop.Token).ConfigureAwait(false);
                }
                pending.Writer.Complete();
            }
            catch (Exception e)
            {
                pending.Writer.Complete(e);
            }
        });
        try
        {
            var reader = pending.Reader;
            while (true)
            {
                if (!reader.TryRead(out var task))
                {
                    waiting?.Invoke();
                    if (!reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                    {
                        break;
                    }
                    continue;
                }
                if (!task.IsCompleted)
                {
                    waiting?.Invoke();
                }
                // A failure inside work surfaces here, in order, as the caller's own exception.
                yield return task.GetAwaiter().GetResult();
            }
            // A failure enumerating the items surfaces here.
            reader.Completion.GetAwaiter().GetResult();
        }
        finally
        {
            // The caller stopped early (or work threw): stop starting work and let the producer end. Work already
            // started finishes on its own; its results are dropped.
            stop.Cancel();
            producer.Wait();
        }
    }
}
