using System.Collections.Concurrent;
using System.Threading.Channels;
using Graph.Model;
using Graph.Text;

namespace Graph.Cli;

/// <summary>
/// The reading side of <c>build</c>: files are read and extracted on threads of their own, several at once, while
/// the store loads what came before, and the results are handed out in the order of the files, whichever finished
/// first. At most <c>lookahead</c> files are extracted ahead of the caller, so memory stays bounded however many
/// files there are and however slow the store is.
/// </summary>
/// <remarks>
/// Not <see cref="OrderedParallel{TItem, TResult}"/>, which <c>extract</c> uses: there a result is printed as soon as
/// it is ready, while here the store takes a whole batch at a time, so extraction must run on through the batch being
/// loaded (a window of batches, not of a few files per thread), on threads of its own, since the store's writer holds
/// a pool thread for as long as a batch takes. Handing files over in runs, as that class does, did not make a build
/// faster (the store is the slow side and waits little), and its peak memory on 200 MB rose from 222 to 260 MB.
/// </remarks>
internal sealed class BuildPipeline : IDisposable
{
    private readonly Channel<Pending> ordered;
    private readonly BlockingCollection<Pending> work = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task dispatching;
    private readonly List<Thread> workers;

    /// <param name="files">The files, in the order their results are wanted.</param>
    /// <param name="parallel">How many files are read and extracted at once.</param>
    /// <param name="lookahead">How many files may be handed to the extractors before the caller asks for them.</param>
    /// <param name="extract">Reads and extracts one file; thread-safe.</param>
    public BuildPipeline(
        IReadOnlyList<DocumentFile> files, int parallel, int lookahead, Func<DocumentFile, (string File, DocumentGraph? Graph, string? Error)> extract)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(lookahead, 1);
        ordered = Channel.CreateBounded<Pending>(new BoundedChannelOptions(lookahead) { SingleReader = true, SingleWriter = true });
        dispatching = DispatchAsync(files, stop.Token);
        workers = [.. Enumerable.Range(0, Math.Max(1, Math.Min(parallel, files.Count))).Select(i => new Thread(() => Work(extract))
        {
            IsBackground = true,
            Name = $"graph extract {i + 1}",
        })];
        foreach (var thread in workers)
        {
            thread.Start();
        }
    }

    /// <summary>The result of the next file in order, once it is extracted.</summary>
    /// <exception cref="InvalidOperationException">When every file has been handed out already.</exception>
    public async Task<(string File, DocumentGraph? Graph, string? Error)> NextAsync()
    {
        if (!await ordered.Reader.WaitToReadAsync().ConfigureAwait(false) || !ordered.Reader.TryRead(out var next))
        {
            throw new InvalidOperationException("every file has been handed out");
        }
        return await next.Result.Task.ConfigureAwait(false);
    }

    /// <summary>Stops: no file is started any more, and the threads end once the files they are extracting are done.</summary>
    public void Dispose()
    {
        stop.Cancel();
        dispatching.GetAwaiter().GetResult();
        foreach (var thread in workers)
        {
            thread.Join();
        }
        work.Dispose();
        stop.Dispose();
    }

    /// <summary>Hands the files out in order: to the caller's queue, which bounds the lookahead, then to the extractors.</summary>
    private async Task DispatchAsync(IReadOnlyList<DocumentFile> files, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var file in files)
            {
                var pending = new Pending(file);
                await ordered.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
                work.Add(pending, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: the files not handed out are not read.
        }
        finally
        {
            ordered.Writer.TryComplete();
            work.CompleteAdding();
        }
    }

    private void Work(Func<DocumentFile, (string, DocumentGraph?, string?)> extract)
    {
        try
        {
            foreach (var pending in work.GetConsumingEnumerable(stop.Token))
            {
                try
                {
                    pending.Result.SetResult(extract(pending.File));
                }
                // Not expected (extraction reports a file's failure as its result), but then it is the caller's to see.
                catch (Exception e)
                {
                    pending.Result.SetException(e);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped while waiting for a file.
        }
    }

    /// <summary>A file handed out, and its result once extracted.</summary>
    private sealed class Pending(DocumentFile file)
    {
        public DocumentFile File { get; } = file;

        public TaskCompletionSource<(string, DocumentGraph?, string?)> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
