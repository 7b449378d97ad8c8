using System.Net;
using Graph.Worker.Tests.Support;

namespace Graph.Worker.Tests;

/// <summary>Many files at once, bad ones among them, and files still being written when the worker sees them.</summary>
public sealed class BurstTests
{
    private const int MaxFileBytes = 16_384;

    [Fact]
    public async Task A_burst_of_a_thousand_files_with_bad_ones_among_them_loads_every_good_file_and_fails_every_bad_one_with_its_reason()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Path("inbox"));
        await using var worker = WorkerProcess.Start(temp.Root, new Dictionary<string, string> { ["MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await worker.WaitForAsync("a healthy answer", h => h.Code == HttpStatusCode.OK, Limits.Startup);

        var bad = new Dictionary<string, string[]>
        {
            ["junk.txt"] = ["decod", "binary", "text", "encoding", "utf", "character"],
            ["empty.txt"] = ["empty", "symbol", "no text", "0 bytes", "decod"],
            [Path.Combine("2013", "memo.txt")] = ["symbol"],
            [Path.Combine("2014", "too-big.txt")] = ["MaxFileBytes", "bytes", "large", "size"],
        };
        for (int i = 0; i < 1000; i++)
        {
            string folder = temp.Path(Path.Combine("inbox", $"{2000 + i / 100}"));
            Corpus.Write(Path.Combine(folder, Corpus.GeneratedName(i)), Corpus.Generated(i));
            switch (i)
            {
                case 100: Corpus.Write(temp.Path("inbox/junk.txt"), Corpus.BinaryJunk()); break;
                case 300: Corpus.Write(temp.Path("inbox/empty.txt"), []); break;
                case 500: Corpus.Write(temp.Path("inbox/2013/memo.txt"), Corpus.Memo); break;
                case 700: Corpus.Write(temp.Path("inbox/2014/too-big.txt"), Corpus.Padded(5000, MaxFileBytes + 4096)); break;
                case 900:
                    // Not documents: another extension, and a file still being written under a temporary name.
                    Corpus.Write(temp.Path("inbox/readme.md"), "# not a document\n");
                    Corpus.Write(temp.Path("inbox/incoming.txt.tmp"), Corpus.Generated(5001));
                    break;
                default: break;
            }
        }

        var done = await worker.WaitUntilIdleAsync("1000 files loaded and 4 failed", h => h.Loaded + h.Failed >= 1004, Limits.Load(1004));
        Assert.True((done.Loaded, done.Failed) == (1000, 4), worker.Diagnostics("every good file loaded, every bad one failed"));
        FailedFolder.AssertHolds(temp.Path("inbox/failed"), bad, worker);
        Assert.All(bad.Keys, f => Assert.False(File.Exists(temp.Path(Path.Combine("inbox", f))), $"{f} is still in the inbox"));
        Assert.True(File.Exists(temp.Path("inbox/readme.md")) && File.Exists(temp.Path("inbox/incoming.txt.tmp")), "files that are not documents are left alone");
        await GraphComparison.AssertSameAsCleanBuildAsync(temp.Root, worker: worker);
    }

    [Fact]
    public async Task A_file_rewritten_while_it_is_read_is_loaded_once_in_its_final_form_and_a_tmp_file_waits_for_its_rename()
    {
        var stableFor = TimeSpan.FromSeconds(2);
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Path("inbox"));
        await using var worker = WorkerProcess.Start(temp.Root, new Dictionary<string, string> { ["StableFor"] = stableFor.ToString("c") });
        await worker.WaitForAsync("a healthy answer", h => h.Code == HttpStatusCode.OK, Limits.Startup);

        // The first half of each is what a reader that did not wait would see: a truncated document, or one cut in
        // the middle of a character. The rest follows well within StableFor.
        string[] names = [Corpus.EnglishSeed, Corpus.GeneratedName(10), Corpus.GeneratedName(13)];
        byte[][] texts = [Corpus.SeedBytes(Corpus.EnglishSeed), Corpus.Bytes(Corpus.Generated(10)), Corpus.Bytes(Corpus.Generated(13))];
        var writers = names.Select((name, n) => Task.Run(async () =>
        {
            await using var stream = new FileStream(temp.Path(Path.Combine("inbox", name)), FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            byte[] text = texts[n];
            int half = text.Length / 2 + 1;
            await stream.WriteAsync(text.AsMemory(0, half), TestContext.Current.CancellationToken);
            await stream.FlushAsync(TestContext.Current.CancellationToken);
            await Task.Delay(stableFor / 4, TestContext.Current.CancellationToken);
            await stream.WriteAsync(text.AsMemory(half), TestContext.Current.CancellationToken);
        }, TestContext.Current.CancellationToken));
        Corpus.Write(temp.Path("inbox/late.txt.tmp"), Corpus.Generated(20));
        await Task.WhenAll(writers);

        await worker.WaitUntilIdleAsync("the three files loaded", h => h.Loaded + h.Failed >= 3, Limits.Load(3));
        // Long enough for a reload to show, had the worker read a half and then seen the change.
        await Task.Delay(stableFor * 2, TestContext.Current.CancellationToken);
        var settled = await worker.WaitUntilIdleAsync("the queue empty", _ => true, Limits.Load(3));
        Assert.True((settled.Loaded, settled.Failed) == (3, 0), worker.Diagnostics("each file loaded once, in its final form, and the .tmp file not at all"));
        await GraphComparison.AssertSameAsCleanBuildAsync(temp.Root, worker: worker);

        File.Move(temp.Path("inbox/late.txt.tmp"), temp.Path("inbox/late.txt"));
        var renamed = await worker.WaitUntilIdleAsync("the renamed file loaded", h => h.Loaded + h.Failed >= 4, Limits.Load(1));
        Assert.True((renamed.Loaded, renamed.Failed) == (4, 0), worker.Diagnostics("the renamed file loaded"));
        await GraphComparison.AssertSameAsCleanBuildAsync(temp.Root, worker: worker);
    }
}
