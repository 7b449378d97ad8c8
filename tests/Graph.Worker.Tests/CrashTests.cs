using System.Net;
using Graph.Worker.Tests.Support;

namespace Graph.Worker.Tests;

/// <summary>
/// kill -9 at awkward moments: nothing is flushed, closed or rolled back by the worker, yet after a restart every
/// file ends loaded or failed and the graph is the one a clean build gives.
/// </summary>
public sealed class CrashTests
{
    private static readonly Dictionary<string, string[]> BadFiles = new()
    {
        ["memo.txt"] = ["symbol"],
        [Path.Combine("nested", "junk.txt")] = ["decod", "binary", "text", "encoding", "utf", "character"],
    };

    [Fact]
    public async Task Kill_9_right_after_start_at_the_first_answer_and_mid_load_loses_nothing()
    {
        using var temp = new TempFolder();
        const int good = 5 + 400;
        Corpus.WriteSeeds(temp.Path("inbox"));
        Corpus.WriteGenerated(temp.Path("inbox"), 0, 400);
        WriteBadFiles(temp);
        int port = WorkerProcess.FreePort();

        // Right after start: wherever it is (host start-up, schema, first scan), it is gone.
        await using (var worker = WorkerProcess.Start(temp.Root, port: port))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(400), TestContext.Current.CancellationToken);
            await worker.KillAsync();
        }
        // At its first answer: the first scan and the first batches are under way.
        await using (var worker = WorkerProcess.Start(temp.Root, port: port))
        {
            var first = await worker.WaitForAsync("a first answer", _ => true, Limits.Startup, every: TimeSpan.FromMilliseconds(20));
            await worker.KillAsync();
            Log($"killed at its first answer: {first}");
        }
        // Mid-load: what /healthz called loaded must have been in the store already.
        long loadedAtKill;
        await using (var worker = WorkerProcess.Start(temp.Root, port: port))
        {
            var midway = await worker.WaitForAsync("40 more files loaded", h => h.Loaded >= 40, Limits.Load(good), every: TimeSpan.FromMilliseconds(20));
            await worker.KillAsync();
            loadedAtKill = midway.Loaded;
            Log($"killed mid-load: {midway}");
        }

        await using var last = WorkerProcess.Start(temp.Root, port: port);
        var done = await WaitForEverythingAsync(last, temp, good);
        Log($"after the last restart: {done}");
        Assert.True(done.Unchanged >= loadedAtKill,
            last.Diagnostics($"{loadedAtKill} files were reported loaded before kill -9, but only {done.Unchanged} were found unchanged after it"));
        await GraphComparison.AssertSameAsCleanBuildAsync(temp.Root, worker: last);
        FailedFolder.AssertHolds(temp.Path("inbox/failed"), BadFiles, last);
    }

    [Fact]
    public async Task Kill_9_during_a_burst_of_files_loses_nothing()
    {
        using var temp = new TempFolder();
        const int good = 300;
        Directory.CreateDirectory(temp.Path("inbox"));
        int port = WorkerProcess.FreePort();

        await using (var worker = WorkerProcess.Start(temp.Root, port: port))
        {
            await worker.WaitForAsync("a healthy answer", h => h.Code == HttpStatusCode.OK, Limits.Startup);
            // Files keep coming, bad ones among them; once half are written and the worker has loaded some, it
            // dies, and the rest arrive while it is down.
            for (int i = 0; i < good; i += 10)
            {
                Corpus.WriteGenerated(temp.Path("inbox"), i, 10);
                if (i == 100)
                {
                    WriteBadFiles(temp);
                }
                if (worker.HasExited)
                {
                    continue;
                }
                if (i >= good / 2 && (await worker.TryHealthAsync() is { Loaded: > 0 } || i + 10 == good))
                {
                    await worker.KillAsync();
                    Log($"killed after {i + 10} of {good} files were written: {worker.LastHealth}");
                }
                else
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(15), TestContext.Current.CancellationToken);
                }
            }
        }

        await using var last = WorkerProcess.Start(temp.Root, port: port);
        Log($"after the restart: {await WaitForEverythingAsync(last, temp, good)}");
        await GraphComparison.AssertSameAsCleanBuildAsync(temp.Root, worker: last);
        FailedFolder.AssertHolds(temp.Path("inbox/failed"), BadFiles, last);
    }

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    private static void WriteBadFiles(TempFolder temp)
    {
        Corpus.Write(temp.Path("inbox/memo.txt"), Corpus.Memo);
        Corpus.Write(temp.Path("inbox/nested/junk.txt"), Corpus.BinaryJunk());
    }

    /// <summary>
    /// Waits until every good file has been loaded or found unchanged by this worker and every bad file has reached
    /// failed/ (by this worker or an earlier one), then stops it gracefully.
    /// </summary>
    private static async Task<Health> WaitForEverythingAsync(WorkerProcess worker, TempFolder temp, int good)
    {
        var done = await worker.WaitUntilIdleAsync(
            $"{good} files loaded or unchanged and the bad ones in failed/",
            h => h.Loaded + h.Unchanged == good && BadFiles.Keys.All(f => File.Exists(temp.Path(Path.Combine("inbox", "failed", f)))),
            Limits.Load(good));
        var (exitCode, _) = await worker.TerminateAsync(TimeSpan.FromSeconds(15) + Limits.ExitSlack);
        Assert.True(exitCode == 0, worker.Diagnostics($"SIGTERM gave exit code {exitCode}"));
        foreach (string bad in BadFiles.Keys)
        {
            Assert.False(File.Exists(temp.Path(Path.Combine("inbox", bad))), $"{bad} is still in the inbox");
        }
        return done;
    }
}
