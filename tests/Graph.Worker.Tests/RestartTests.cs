using System.Net;
using Graph.Worker.Tests.Support;

namespace Graph.Worker.Tests;

/// <summary>SIGTERM, then a new worker on the same inbox and store: the journal says what is already loaded.</summary>
public sealed class RestartTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task After_a_graceful_restart_nothing_is_loaded_again_and_a_rewritten_file_replaces_what_it_said()
    {
        using var temp = new TempFolder();
        Corpus.WriteSeeds(temp.Path("inbox"));
        Corpus.WriteGenerated(temp.Path("inbox"), 0, 20);
        int port;
        await using (var first = WorkerProcess.Start(temp.Root))
        {
            port = first.Port;
            await first.WaitUntilIdleAsync("the 25 files already in the inbox loaded", h => h.Loaded == 25, Limits.Load(25));
            var (exitCode, took) = await first.TerminateAsync(Grace + Limits.ExitSlack);
            Assert.True(exitCode == 0, first.Diagnostics($"SIGTERM gave exit code {exitCode} after {took.TotalSeconds:0.0} s"));
        }
        string before = await GraphComparison.AssertSameAsCleanBuildAsync(temp.Root);

        await using var second = WorkerProcess.Start(temp.Root, port: port);
        var restarted = await second.WaitUntilIdleAsync("all 25 files seen again", h => h.Unchanged + h.Loaded + h.Failed == 25, Limits.Load(25));
        Assert.True((restarted.Unchanged, restarted.Loaded, restarted.Failed) == (25, 0, 0), second.Diagnostics("every file should be found unchanged"));
        Assert.Equal(HttpStatusCode.OK, restarted.Code);
        Assert.Equal(before, await GraphComparison.AssertSameAsCleanBuildAsync(temp.Root, worker: second));

        Corpus.Write(temp.Path(Path.Combine("inbox", Corpus.EnglishSeed)), Corpus.CorrectedEnglishSeed());
        var reloaded = await second.WaitUntilIdleAsync("the rewritten file loaded", h => h.Loaded + h.Failed >= 1, Limits.Load(1));
        Assert.True((reloaded.Loaded, reloaded.Unchanged, reloaded.Failed) == (1, 25, 0), second.Diagnostics("only the rewritten file should be loaded"));
        string after = await GraphComparison.AssertSameAsCleanBuildAsync(temp.Root, worker: second);
        Assert.Contains("\"end\":\"A/RES/66/70\"", after, StringComparison.Ordinal);
        Assert.NotEqual(before, after);

        var (code, _) = await second.TerminateAsync(Grace + Limits.ExitSlack);
        Assert.True(code == 0, second.Diagnostics($"SIGTERM gave exit code {code}"));
    }

    [Fact]
    public async Task Sigterm_in_the_middle_of_a_load_exits_0_within_the_grace_and_the_next_worker_loads_the_rest()
    {
        using var temp = new TempFolder();
        Corpus.WriteGenerated(temp.Path("inbox"), 0, 300);
        await using (var first = WorkerProcess.Start(temp.Root))
        {
            var midway = await first.WaitForAsync("30 files loaded", h => h.Loaded >= 30, Limits.Load(300), every: TimeSpan.FromMilliseconds(25));
            var (exitCode, took) = await first.TerminateAsync(Grace + Limits.ExitSlack);
            Assert.True(exitCode == 0, first.Diagnostics($"SIGTERM after {midway.Loaded} files gave exit code {exitCode}"));
            Assert.True(took <= Grace + Limits.ExitSlack, $"stopping took {took.TotalSeconds:0.0} s, ShutdownGrace is {Grace.TotalSeconds} s");
        }

        await using var second = WorkerProcess.Start(temp.Root);
        var done = await second.WaitUntilIdleAsync("every file loaded or found unchanged", h => h.Loaded + h.Unchanged == 300, Limits.Load(300));
        Assert.Equal(0, done.Failed);
        await GraphComparison.AssertSameAsCleanBuildAsync(temp.Root, worker: second);
    }
}
