using System.Collections.Concurrent;

namespace Graph.Cli.Tests;

/// <summary>
/// The loop <c>extract</c> and <c>build</c> share: results in the items' order, never more than the window claimed
/// ahead of the caller, failures where they happened, and small items handed over in runs, slow ones alone.
/// </summary>
public sealed class OrderedParallelTests
{
    [Fact]
    public void Results_come_back_in_the_items_order_however_long_each_one_takes()
    {
        var items = Enumerable.Range(0, 300).ToList();
        // Fixed pseudo-random pauses of 0 to 2 ms, so later items often finish before earlier ones.
        var pauses = items.Select(i => i * 7919 % 3).ToList();

        using var loop = new OrderedParallel<int, string>(items, degree: 3, window: 24, i =>
        {
            Thread.Sleep(pauses[i]);
            return $"item {i}";
        });

        Assert.Equal(items.Select(i => $"item {i}"), Drain(loop));
    }

    [Fact]
    public void No_more_items_are_started_than_the_window_allows_ahead_of_a_slow_caller()
    {
        const int window = 20;
        var items = Enumerable.Range(0, 200).ToList();
        int taken = 0, ahead = 0;
        using var loop = new OrderedParallel<int, int>(items, degree: 2, window, i =>
        {
            // Items started but not yet taken by the caller, this one included.
            int now = i + 1 - Volatile.Read(ref taken);
            InterlockedMax(ref ahead, now);
            return i;
        });

        while (loop.TryTake(out _))
        {
            Interlocked.Increment(ref taken);
            Thread.Sleep(1);
        }

        Assert.Equal(items.Count, taken);
        Assert.InRange(ahead, 2 + 1, window);
    }

    [Fact]
    public void What_the_work_throws_reaches_the_caller_at_that_item_after_every_result_before_it()
    {
        var items = Enumerable.Range(0, 100).ToList();
        using var loop = new OrderedParallel<int, int>(items, degree: 2, window: 16, i =>
            i == 37 ? throw new InvalidDataException($"item {i} is bad") : i * 2);

        var results = new List<int>();
        var thrown = Assert.Throws<InvalidDataException>(() =>
        {
            while (loop.TryTake(out int result))
            {
                results.Add(result);
            }
        });

        Assert.Equal("item 37 is bad", thrown.Message);
        Assert.Equal(Enumerable.Range(0, 37).Select(i => i * 2), results);
    }

    [Fact]
    public void A_caller_that_stops_early_stops_the_work_once_the_items_started_are_done()
    {
        var items = Enumerable.Range(0, 10_000).ToList();
        int started = 0;
        var loop = new OrderedParallel<int, int>(items, degree: 2, window: 32, i =>
        {
            Interlocked.Increment(ref started);
            return i;
        });
        for (int i = 0; i < 10; i++)
        {
            Assert.True(loop.TryTake(out int result));
            Assert.Equal(i, result);
        }

        loop.Dispose();
        int afterStop = Volatile.Read(ref started);
        Thread.Sleep(50);

        Assert.Equal(afterStop, Volatile.Read(ref started));
        Assert.InRange(afterStop, 10, 10 + 32);
    }

    [Fact]
    public void Quick_items_are_handed_over_in_runs_not_one_by_one()
    {
        var items = Enumerable.Range(0, 4_000).ToList();
        var threadOf = new int[items.Count];
        using var loop = new OrderedParallel<int, int>(items, degree: 2, window: 128, i =>
        {
            // 20 µs of work, so that both threads are busy at once (an empty item lets one thread take them all).
            long until = System.Diagnostics.Stopwatch.GetTimestamp() + System.Diagnostics.Stopwatch.Frequency / 50_000;
            while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
            {
                Thread.SpinWait(10);
            }
            threadOf[i] = Environment.CurrentManagedThreadId;
            return i;
        });

        Assert.Equal(items, Drain(loop));
        // Each change of thread along the items is one hand-over between threads; item by item, with two threads
        // taking turns, that would be about every other item.
        int handOvers = Enumerable.Range(1, items.Count - 1).Count(i => threadOf[i] != threadOf[i - 1]);
        Assert.True(handOvers < items.Count / 20, $"{handOvers} hand-overs for {items.Count} items");
        Assert.Equal(2, threadOf.Distinct().Count());
    }

    [Fact]
    public void Slow_items_are_claimed_one_at_a_time_so_every_thread_gets_some()
    {
        var items = Enumerable.Range(0, 24).ToList();
        var byThread = new ConcurrentDictionary<int, int>();
        using var loop = new OrderedParallel<int, int>(items, degree: 2, window: 64, i =>
        {
            Thread.Sleep(15);
            byThread.AddOrUpdate(Environment.CurrentManagedThreadId, 1, (_, n) => n + 1);
            return i;
        });

        Assert.Equal(items, Drain(loop));
        Assert.Equal(2, byThread.Count);
        Assert.All(byThread.Values, n => Assert.InRange(n, 6, 18));
    }

    [Fact]
    public void No_items_end_the_loop_at_once()
    {
        using var loop = new OrderedParallel<int, int>([], degree: 4, window: 8, i => i);

        Assert.False(loop.TryTake(out _));
    }

    [Fact]
    public void The_sequence_form_runs_one_thread_in_the_callers_turn_and_several_alike()
    {
        var items = Enumerable.Range(0, 500).ToList();
        int caller = Environment.CurrentManagedThreadId;
        var threads = new ConcurrentBag<int>();

        var inTurn = OrderedParallel.Select(items, 1, i =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            return -i;
        }).ToList();
        Assert.Equal(new[] { caller }, threads.Distinct());

        var parallel = OrderedParallel.Select(items, 3, i => -i).ToList();
        Assert.Equal(inTurn, parallel);
        Assert.Equal(items.Select(i => -i), parallel);
    }

    private static List<T> Drain<TItem, T>(OrderedParallel<TItem, T> loop)
    {
        var results = new List<T>();
        while (loop.TryTake(out var result))
        {
            results.Add(result);
        }
        return results;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen = Volatile.Read(ref target);
        while (value > seen)
        {
            int found = Interlocked.CompareExchange(ref target, value, seen);
            if (found == seen)
            {
                return;
            }
            seen = found;
        }
    }
}
