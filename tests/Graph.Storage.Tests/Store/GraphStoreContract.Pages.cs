using Graph.Model;
using Graph.Storage.Tests.Support;

namespace Graph.Storage.Tests.Store;

/// <summary>Pages: evidence from a PDF says which page its citation stands on, so an analyst can turn to it.</summary>
public abstract partial class GraphStoreContract
{
    /// <summary>A resolution read from a PDF of two pages, each citing one resolution.</summary>
    private static DocumentGraph TwoPagePdf(string file, int breakAfter = 1)
    {
        string[] paragraphs = ["Recalling its resolution 79/1,", "Recalling also its resolution 78/1,"];
        return Documents.FromPages(
            file,
            ResolutionText.English("80/1", "Assistance in mine action", paragraphs[..breakAfter]),
            string.Join("\n\n", paragraphs[breakAfter..]) + "\n");
    }

    /// <remarks>A text file has no pages: its evidence holds no page at all, rather than a 0 or a 1.</remarks>
    [Fact]
    public async Task Evidence_from_a_PDF_keeps_the_page_of_each_citation_and_evidence_from_a_text_file_has_none()
    {
        var text = Documents.FromText(ResolutionText.English("80/2", "Cluster munitions", "Recalling its resolution 79/1,"), "text/80-2.txt");
        await using var store = await StoreWithAsync([TwoPagePdf("pdf/80-1.pdf"), text]);

        var cites = await store.OutgoingAsync("A/RES/80/1", Token);
        var citedBy = await store.IncomingAsync("A/RES/79/1", Token);
        var dump = await GraphDump.ReadAsync(store, Token);

        Assert.Equal(
            [("A/RES/78/1", (int?)2), ("A/RES/79/1", 1)],
            cites.Where(e => e.Type == "RECALLS").Select(e => (e.To, Assert.Single(e.Evidence).Page)));
        Assert.Equal(
            [("A/RES/80/1", (int?)1), ("A/RES/80/2", null)],
            citedBy.Select(e => (e.From, Assert.Single(e.Evidence).Page)));
        Assert.All(dump.Edges.Where(e => e.From == "A/RES/80/2").SelectMany(e => e.Evidence), e => Assert.Null(e.Page));
        Assert.All(
            dump.Edges.Where(e => e.From == "A/RES/80/1").SelectMany(e => e.Evidence).Where(e => e.Surface is not null),
            e => Assert.Equal("pdf/80-1.pdf", e.File));
    }

    /// <remarks>The same file and the same citations in the same words: only where the pages break has changed.</remarks>
    [Fact]
    public async Task A_PDF_loaded_again_with_its_pages_broken_elsewhere_gives_its_evidence_the_new_pages()
    {
        await using var store = await StoreWithAsync([TwoPagePdf("pdf/80-1.pdf")], [TwoPagePdf("pdf/80-1.pdf", breakAfter: 2)]);

        var cites = await store.OutgoingAsync("A/RES/80/1", Token);

        Assert.Equal(
            [("A/RES/78/1", (int?)1), ("A/RES/79/1", 1)],
            cites.Where(e => e.Type == "RECALLS").Select(e => (e.To, Assert.Single(e.Evidence).Page)));
    }
}
