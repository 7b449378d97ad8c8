using System.Text;
using Graph.Building;
using Graph.Pdf.Tests.Support;
using Graph.Tests.Shared;
using UglyToad.PdfPig;

namespace Graph.Pdf.Tests;

/// <summary>A document file's bytes to text, references and a graph: the one way <c>graph extract</c>, <c>graph build</c> and the worker read a file.</summary>
public sealed class DocumentFileReaderTests
{
    private static string Seed(string name) => Repository.Path("seeds", name);

    [Fact]
    public void A_text_seed_becomes_its_graph_stamped_with_the_hash_given()
    {
        byte[] bytes = File.ReadAllBytes(Seed("002_1bb7a33e0cfe5e8b.txt"));
        string hash = GraphBuilder.ContentHash(bytes);

        var graph = DocumentFileReader.TryBuild(bytes, "seeds/002_1bb7a33e0cfe5e8b.txt", hash, out string? error);

        Assert.Null(error);
        Assert.NotNull(graph);
        Assert.Equal(("A/RES/68/72@en", "seeds/002_1bb7a33e0cfe5e8b.txt", hash), (graph.Source, graph.File, graph.ContentHash));
        Assert.Equal(64, hash.Length);
    }

    [Fact]
    public void A_text_file_has_no_pages_and_its_references_none()
    {
        var document = DocumentFileReader.TryExtract(File.ReadAllBytes(Seed("002_1bb7a33e0cfe5e8b.txt")), "a.txt", out _);

        Assert.NotNull(document);
        Assert.Null(document.Pages);
        Assert.NotEmpty(document.References);
        Assert.All(document.References, r => Assert.Null(r.Page));
    }

    [Fact]
    public void Bytes_that_are_not_text_give_no_graph_and_the_decoders_reason()
    {
        var graph = DocumentFileReader.TryBuild([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF], "a.txt", "h", out string? error);

        Assert.Null(graph);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void A_text_without_a_UN_symbol_of_its_own_gives_no_graph_and_says_so()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("Minutes of a meeting of the staff committee.\nNothing to cite.\n");

        var graph = DocumentFileReader.TryBuild(bytes, "memo.txt", "h", out string? error);

        Assert.Null(graph);
        Assert.Contains("symbol", error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Sample.Names), MemberType = typeof(Sample))]
    public void A_sample_PDF_becomes_the_graph_of_its_own_symbol_with_every_citation_on_a_page(string name)
    {
        var sample = Sample.Named(name);

        var graph = DocumentFileReader.TryBuild(sample.Bytes, name + ".pdf", "h", out string? error);

        Assert.Null(error);
        Assert.NotNull(graph);
        Assert.Equal(sample.Symbol + "@en", graph.Source);
        var cited = graph.Edges.Select(e => e.Evidence).Where(e => e.Surface is not null).ToList();
        Assert.NotEmpty(cited);
        Assert.All(cited, e => Assert.InRange(e.Page ?? 0, 1, sample.Pages));
    }

    /// <summary>
    /// Checked against PdfPig's own words of each page, not against the rebuilt text's page map: the first word of
    /// every reference's surface is printed on the page the reference says.
    /// </summary>
    [Theory]
    [MemberData(nameof(Sample.Names), MemberType = typeof(Sample))]
    public void Each_reference_of_a_sample_carries_the_page_its_text_is_printed_on(string name)
    {
        var sample = Sample.Named(name);
        var document = DocumentFileReader.TryExtract(sample.Bytes, name + ".pdf", out string? error);
        Assert.Null(error);
        Assert.NotNull(document);
        Assert.Equal(sample.Pages, document.Pages);

        using var pdf = PdfDocument.Open(sample.Bytes);
        var words = Enumerable.Range(1, pdf.NumberOfPages)
            .Select(n => pdf.GetPage(n).GetWords().Select(w => w.Text).ToHashSet(StringComparer.Ordinal))
            .ToList();
        Assert.NotEmpty(document.References);
        foreach (var reference in document.References)
        {
            int page = reference.Page ?? 0;
            Assert.InRange(page, 1, sample.Pages);
            string first = reference.Surface.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0];
            bool printed = words[page - 1].Any(w => w.Contains(first, StringComparison.Ordinal) || first.Contains(w, StringComparison.Ordinal) && w.Length >= 3);
            Assert.True(printed, $"{name}: '{reference.Surface}' (at {reference.Start}) said to be on page {page}, whose words do not hold '{first}'");
        }
    }

    [Fact]
    public void A_PDF_named_as_text_is_still_read_as_a_PDF()
    {
        var sample = Sample.Named("A_RES_78_48");

        var document = DocumentFileReader.TryRead(sample.Bytes, "download-1234.txt", out string? error);

        Assert.Null(error);
        Assert.NotNull(document?.Pdf);
        Assert.StartsWith(sample.Text.Text[..40], document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_named_PDF_that_is_not_one_says_so()
    {
        var graph = DocumentFileReader.TryBuild(Encoding.UTF8.GetBytes("A/RES/1/1\nRecalling its resolution 1/2,\n"), "A_RES_1_1.PDF", "h", out string? error);

        Assert.Null(graph);
        Assert.Equal("the PDF is damaged: it is not a PDF (no %PDF- header)", error);
    }

    [Fact]
    public void A_scan_gives_no_graph_and_is_reported_as_a_scan()
    {
        var scan = new TestPdf().NewPage().Png(TestPng.Grey(40, 50), 50, 50, 500, 700).Build();

        var graph = DocumentFileReader.TryBuild(scan, "scan.pdf", "h", out string? error);

        Assert.Null(graph);
        Assert.Equal("a scanned image with no text layer (1 page): run OCR first", error);
    }
}
