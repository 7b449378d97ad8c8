using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Graph.Worker.Tests.Support;

namespace Graph.Worker.Tests;

/// <summary>A running worker, files dropped into its inbox, and the graph it builds against <c>graph build</c>'s.</summary>
public sealed partial class EndToEndTests
{
    [Fact]
    public async Task Seeds_and_a_hundred_generated_documents_dropped_into_the_inbox_give_the_graph_graph_build_gives()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Path("inbox"));
        await using var worker = WorkerProcess.Start(temp.Root);
        var ready = await worker.WaitForAsync("a healthy answer", h => h.Code == HttpStatusCode.OK, Limits.Startup);
        Assert.Equal("healthy", ready.Status);
        Assert.True(ready.StoreReachable && ready.InboxReadable, ready.ToString());
        Assert.Contains("worker.db", ready.StoreAddress, StringComparison.Ordinal);
        Assert.Contains("inbox", ready.InboxPath, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), (ready.Queue, ready.Loaded, ready.Failed));

        Corpus.WriteSeeds(temp.Path("inbox"));
        Corpus.WriteGenerated(temp.Path(Path.Combine("inbox", "generated")), 0, 100);
        var done = await worker.WaitUntilIdleAsync("105 files loaded", h => h.Loaded == 105, Limits.Load(105));

        Assert.Equal(HttpStatusCode.OK, done.Code);
        Assert.Equal((0L, 0L, 0L), (done.Failed, done.Unchanged, done.Retried));
        Assert.False(Directory.Exists(temp.Path("inbox/failed")) && Directory.EnumerateFileSystemEntries(temp.Path("inbox/failed")).Any(),
            "nothing should fail: " + FailedFolder.Listing(temp.Path("inbox/failed")));
        await GraphComparison.AssertSameAsCleanBuildAsync(temp.Root, worker: worker);
        Assert.Equal(await ReferencesGraphBuildCountsAsync(temp.Root), done.References);

        var (code, body) = await worker.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.OK, code);
        var metrics = Metrics.Parse(body);
        Assert.All(Metrics.Names, name => Assert.True(metrics.ContainsKey(name), $"/metrics lacks {name}:\n{body}"));
        Assert.Equal(105, metrics["graph_worker_files_loaded_total"]);
        Assert.Equal(0, metrics["graph_worker_files_failed_total"]);
        Assert.Equal(0, metrics["graph_worker_queue_length"]);
        Assert.Equal(1, metrics["graph_worker_store_up"]);
        Assert.Equal(done.References, metrics["graph_worker_references_total"]);
        // Everything was loaded within the last minute, so the rate is the total over at most that minute.
        Assert.InRange(metrics["graph_worker_references_per_second"], done.References / 60.0, done.References * 1000.0);

        var (exitCode, _) = await worker.TerminateAsync(TimeSpan.FromSeconds(15) + Limits.ExitSlack);
        Assert.True(exitCode == 0, worker.Diagnostics($"SIGTERM gave exit code {exitCode}"));
    }

    /// <summary>The references <c>graph build</c> reports for the same inbox, as its summary line counts them.</summary>
    private static async Task<long> ReferencesGraphBuildCountsAsync(string workingDirectory)
    {
        using var mirror = new TempFolder();
        var build = await GraphCli.RunAsync(workingDirectory, "build", "inbox", "--store", "sqlite:" + mirror.Path("count.db"));
        Assert.True(build.ExitCode == 0, build.ToString());
        var match = ReferencesInSummary().Match(build.Stdout);
        Assert.True(match.Success, build.Stdout);
        return long.Parse(match.Groups["n"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(", (?<n>[0-9,]+) references, into ", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ReferencesInSummary();
}
