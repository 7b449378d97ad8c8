using System.Net;
using Graph.Worker.Tests.Support;

namespace Graph.Worker.Tests;

/// <summary>PDFs as a download job drops them into the inbox: read from their layout like <c>graph build</c> reads them; a bad one fails alone.</summary>
public sealed class PdfInboxTests
{
    private static byte[] SamplePdf(string name) => File.ReadAllBytes(Repository.SamplePdf(name));

    [Fact]
    public async Task PDFs_in_the_inbox_load_as_graph_build_loads_them_and_a_scan_or_a_damaged_one_fails_with_its_reason()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Path("inbox"));
        await using var worker = WorkerProcess.Start(temp.Root);
        await worker.WaitForAsync("a healthy answer", h => h.Code == HttpStatusCode.OK, Limits.Startup);

        Corpus.Write(temp.Path("inbox/2024/A_RES_78_48.pdf"), SamplePdf("A_RES_78_48"));
        Corpus.Write(temp.Path("inbox/2024/A_RES_79_128.PDF"), SamplePdf("A_RES_79_128"));
        Corpus.Write(temp.Path("inbox/2024/cut-short.pdf"), SamplePdf("A_RES_79_281")[..50_000]);
        Corpus.WriteSeeds(temp.Path("inbox"));

        var done = await worker.WaitUntilIdleAsync("7 files loaded and 1 failed", h => h.Loaded + h.Failed >= 8, Limits.Load(8));
        Assert.True((done.Loaded, done.Failed) == (7, 1), worker.Diagnostics("both PDFs and the five seeds loaded, the damaged PDF failed"));
        FailedFolder.AssertHolds(temp.Path("inbox/failed"), new Dictionary<string, string[]>
        {
            [Path.Combine("2024", "cut-short.pdf")] = ["the PDF is damaged: it is cut short"],
        }, worker);
        string export = await GraphComparison.AssertSameAsCleanBuildAsync(temp.Root, worker: worker);
        Assert.Contains("A/RES/79/128", export, StringComparison.Ordinal);
        Assert.Contains("A/RES/78/48", export, StringComparison.Ordinal);
    }
}
