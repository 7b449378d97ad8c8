using System.Threading.Channels;
using Graph.Worker.Inbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Graph.Worker.Pipeline;

/// <summary>
/// Runs the pipeline: Parallelism readers take complete files from the scheduler and build their graphs, and one
/// writer loads them in batches. Between them a bounded channel: when the store is down and the writer waits, the
/// readers stop after filling it, so memory stays bounded however many files arrive meanwhile.
/// </summary>
/// <remarks>
/// On stop, the readers stop taking files and the writer finishes the batch in flight; should that outlast most of
/// ShutdownGrace, the batch is abandoned (its transaction rolls back) so that the process still exits in time. An
/// unexpected error stops the worker with exit code 1, for a supervisor to restart it: the journal makes a restart
/// safe at any moment.
/// </remarks>
internal sealed class DocumentPipeline(
    WorkerOptions options,
    InboxScheduler scheduler,
    DocumentReader reader,
    BatchWriter writer,
    StoreSession store,
    IHostApplicationLifetime lifetime,
    ILogger<DocumentPipeline> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var documents = Channel.CreateBounded<PendingDocument>(new BoundedChannelOptions(options.BatchSize)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var abandon = new CancellationTokenSource();
        // Leave a quarter of the grace (at least a second) for the rest of the shutdown.
        var inFlightGrace = options.ShutdownGrace - TimeSpan.FromTicks(Math.Max(options.ShutdownGrace.Ticks / 4, TimeSpan.TicksPerSecond));
        using var onStop = stoppingToken.Register(() => abandon.CancelAfter(inFlightGrace > TimeSpan.Zero ? inFlightGrace : TimeSpan.Zero));
        try
        {
            var running = Enumerable.Range(0, options.Parallelism)
                .Select(_ => Task.Run(() => reader.RunAsync(scheduler.Work, documents.Writer, stoppingToken), CancellationToken.None))
                .Append(Task.Run(() => writer.RunAsync(documents.Reader, stoppingToken, abandon.Token), CancellationToken.None))
                .ToList();
            // One at a time as they end, so that a task that fails is seen at once, not when all the others end.
            while (running.Count > 0)
            {
                var ended = await Task.WhenAny(running).ConfigureAwait(false);
                running.Remove(ended);
                try
                {
                    await ended.ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    // A reader stopped while waiting for a file or for room in the channel.
                }
            }
        }
        // The last line of defence: log it, stop the process with a failure code, let a supervisor restart it.
        catch (Exception e)
        {
            WorkerLog.Crashed(logger, e);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
        finally
        {
            await store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
