namespace Graph.Worker;

/// <summary>
/// What the worker has done since it started and the state of the store, written by the pipeline and read by the
/// health endpoint from other threads: every field is read and written atomically.
/// </summary>
internal sealed class WorkerStatus(WorkerOptions options)
{
    private long loaded;
    private long failed;
    private long unchanged;
    private long retried;
    private long references;
    private long queue;
    private int storeReachable;
    private string storeAddress = options.StoreAddress;

    /// <summary>Files loaded into the store since start.</summary>
    private const long RateWindowMs = 60_000;
    private readonly long started = Environment.TickCount64;
    private readonly Queue<(long At, int Count)> recent = new();

    public long Loaded => Interlocked.Read(ref loaded);

    /// <summary>Files moved to the failed folder since start.</summary>
    public long Failed => Interlocked.Read(ref failed);

    /// <summary>Files skipped since start because the journal holds them with the same content.</summary>
    public long Unchanged => Interlocked.Read(ref unchanged);

    /// <summary>
    /// Batches tried again since start because the store was unavailable; at start, reading the journal (which must
    /// come before the first batch) counts too, so that a store down from the start shows retries like one that went down later.
    /// </summary>
    public long Retried => Interlocked.Read(ref retried);

    /// <summary>References in the files loaded since start.</summary>
    public long References => Interlocked.Read(ref references);

    /// <summary>Files seen and not yet loaded or failed: stabilising, waiting, being read, or in a batch (retried or not).</summary>
    public long Queue => Interlocked.Read(ref queue);

    /// <summary>Whether the store answered at the last attempt to use it; false until the first attempt succeeds.</summary>
    public bool StoreReachable => Volatile.Read(ref storeReachable) == 1;

    /// <summary>The store's address as the store gives it once open (never a credential).</summary>
    public string StoreAddress
    {
        get => Volatile.Read(ref storeAddress);
        set => Volatile.Write(ref storeAddress, value);
    }

    public void FileLoaded(int referenceCount)
    {
        Interlocked.Increment(ref loaded);
        Interlocked.Add(ref references, referenceCount);
        long now = Environment.TickCount64;
        lock (recent)
        {
            recent.Enqueue((now, referenceCount));
            Prune(now);
        }
    }

    /// <summary>
    /// References loaded per second over the last minute (or since start, if that is shorter): the throughput an
    /// operator watches, without a metrics system to compute a rate from the counter.
    /// </summary>
    public double ReferencesPerSecond()
    {
        long now = Environment.TickCount64;
        lock (recent)
        {
            Prune(now);
            long sum = 0;
            foreach (var (_, count) in recent)
            {
                sum += count;
            }
            double window = Math.Min(RateWindowMs, Math.Max(now - started, 1));
            return sum * 1000.0 / window;
        }
    }

    private void Prune(long now)
    {
        while (recent.Count > 0 && now - recent.Peek().At > RateWindowMs)
        {
            recent.Dequeue();
        }
    }

    public void FileFailed() => Interlocked.Increment(ref failed);

    public void FileUnchanged() => Interlocked.Increment(ref unchanged);

    public void CountRetry() => Interlocked.Increment(ref retried);

    public void SetQueue(long length) => Interlocked.Exchange(ref queue, length);

    /// <summary>Records the outcome of an attempt to use the store; true when it changed.</summary>
    public bool SetStoreReachable(bool reachable) => Interlocked.Exchange(ref storeReachable, reachable ? 1 : 0) != (reachable ? 1 : 0);
}
