using System.Diagnostics;
using System.Net;
using Graph.Worker.Tests.Support;

namespace Graph.Worker.Tests;

/// <summary>
/// The store goes away under a running worker: it says so on /healthz, backs off and retries, moves nothing to
/// failed/, and once the store is back loads every file exactly once.
/// </summary>
public sealed class StoreOutageTests
{
    /// <summary>
    /// How soon the worker must say the store is gone, and retry again: its backoff here is 0.1 to 1 s, and the
    /// files are stable after 0.2 s, so this leaves room for a short wait on a busy store, not for a half-minute one
    /// while /healthz still calls the store reachable.
    /// </summary>
    private static readonly TimeSpan NoticeLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task While_another_process_holds_an_exclusive_lock_on_the_store_the_worker_is_unhealthy_and_retries_then_loads_everything_once()
    {
        using var temp = new TempFolder();
        Corpus.WriteSeeds(temp.Path("inbox"));
        await using var worker = WorkerProcess.Start(temp.Root);
        await worker.WaitUntilIdleAsync("the seeds loaded", h => h.Loaded == 5, Limits.Load(5));

        Health outage;
        await using (var holder = await StoreLock.AcquireAsync(temp.Path("worker.db")))
        {
            var clock = Stopwatch.StartNew();
            Corpus.WriteGenerated(temp.Path("inbox"), 0, 40);
            outage = await worker.WaitForAsync(
                "503 with the store unreachable and a retry counted, while another process holds an exclusive lock on the store",
                h => h.Code == HttpStatusCode.ServiceUnavailable && h.Retried > 0,
                NoticeLimit);
            TestContext.Current.TestOutputHelper?.WriteLine($"503 after {clock.Elapsed.TotalSeconds:0.0} s: {outage}");
            Assert.Equal("unhealthy", outage.Status);
            Assert.False(outage.StoreReachable, outage.ToString());
            var (code, body) = await worker.GetAsync("metrics");
            Assert.Equal(HttpStatusCode.OK, code);
            Assert.Equal(0, Metrics.Parse(body)["graph_worker_store_up"]);
            // It keeps backing off and retrying while the lock is held, and loads nothing meanwhile.
            await worker.WaitForAsync("another retry while the lock is held", h => h.Retried > outage.Retried, NoticeLimit);
            TestContext.Current.TestOutputHelper?.WriteLine($"another retry after {clock.Elapsed.TotalSeconds:0.0} s: {worker.LastHealth}");
            Assert.Equal(5, worker.LastHealth!.Loaded);
            await holder.ReleaseAsync();
        }
        var released = Stopwatch.StartNew();

        var done = await worker.WaitUntilIdleAsync("the 40 files dropped during the outage loaded", h => h.Loaded >= 45 && h.Code == HttpStatusCode.OK, Limits.Load(45));
        TestContext.Current.TestOutputHelper?.WriteLine($"all loaded {released.Elapsed.TotalSeconds:0.0} s after the lock was released: {done}");
        Assert.True(done.Loaded == 45, worker.Diagnostics("every file should be loaded exactly once"));
        Assert.True(done.StoreReachable && done.Failed == 0, done.ToString());
        Assert.False(Directory.Exists(temp.Path("inbox/failed")), "an unavailable store fails no file: " + FailedFolder.Listing(temp.Path("inbox/failed")));
        var (exitCode, _) = await worker.TerminateAsync(TimeSpan.FromSeconds(15) + Limits.ExitSlack);
        Assert.True(exitCode == 0, worker.Diagnostics($"SIGTERM gave exit code {exitCode}"));
        await GraphComparison.AssertSameAsCleanBuildAsync(temp.Root);
    }

    [Fact]
    public async Task While_the_store_folder_is_read_only_the_worker_is_unhealthy_and_loads_everything_once_it_is_writable()
    {
        using var temp = new TempFolder();
        Corpus.WriteSeeds(temp.Path("inbox"));
        Directory.CreateDirectory(temp.Path("store"));
        var settings = new Dictionary<string, string> { ["Store"] = "sqlite:store/worker.db" };
        // Root writes into a read-only folder all the same: as root, the worker runs as nobody, owning the folder.
        string? asUser = Environment.IsPrivilegedProcess ? "nobody:" + Group("nobody") : null;
        if (asUser is not null)
        {
            Run("chown", "-R", asUser, temp.Root);
        }
        Chmod("555", temp.Path("store"));
        try
        {
            await using var worker = WorkerProcess.Start(temp.Root, settings, asUser: asUser);
            var outage = await worker.WaitForAsync(
                "503 with the store unreachable and a retry counted",
                h => h.Code == HttpStatusCode.ServiceUnavailable && h.Retried > 0,
                NoticeLimit);
            Assert.False(outage.StoreReachable, outage.ToString());
            Assert.Equal(0, outage.Loaded);
            Chmod("755", temp.Path("store"));

            var done = await worker.WaitUntilIdleAsync("the seeds loaded", h => h.Loaded >= 5 && h.Code == HttpStatusCode.OK, Limits.Load(5));
            Assert.True(done.Loaded == 5 && done.Failed == 0, worker.Diagnostics("every file should be loaded exactly once"));
            var (exitCode, _) = await worker.TerminateAsync(TimeSpan.FromSeconds(15) + Limits.ExitSlack);
            Assert.True(exitCode == 0, worker.Diagnostics($"SIGTERM gave exit code {exitCode}"));
            await GraphComparison.AssertSameAsCleanBuildAsync(temp.Root, store: "sqlite:store/worker.db");
        }
        finally
        {
            Chmod("755", temp.Path("store"));
        }
    }

    private static void Chmod(string mode, string path) => Run("chmod", mode, path);

    /// <summary>The primary group of <paramref name="user"/> (nogroup on Debian, nobody elsewhere).</summary>
    private static string Group(string user)
    {
        var start = new ProcessStartInfo("id") { ArgumentList = { "-gn", user }, UseShellExecute = false, RedirectStandardOutput = true };
        using var id = Process.Start(start) ?? throw new InvalidOperationException("could not run id");
        string group = id.StandardOutput.ReadToEnd().Trim();
        id.WaitForExit();
        Assert.Equal(0, id.ExitCode);
        return group;
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {program}");
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
