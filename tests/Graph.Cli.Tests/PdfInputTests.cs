using System.Text.Json.Nodes;
using Graph.Cli.Tests.Support;

namespace Graph.Cli.Tests;

/// <summary>
/// PDFs as the UN publishes them, through <c>graph extract</c> and <c>graph build</c> run as real processes: the
/// sample PDFs of the PDF reader's test data, and broken files made here.
/// </summary>
public sealed class PdfInputTests
{
    private static string GoldenText(string name) => File.ReadAllText(Repository.Path("tests", "Graph.Pdf.Tests", "Golden", name + ".txt"));

    [Fact]
    public async Task Extract_gives_a_PDF_its_page_count_and_each_reference_the_page_it_stands_on()
    {
        var result = await GraphCli.RunAsync(Repository.Root, "extract", Repository.SamplePdf("A_RES_79_128"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var document = Assert.Single(Output.Array(result));
        Assert.Equal("A/RES/79/128", (string?)document["symbol"]);
        Assert.Equal(3, (int?)document["pages"]);
        var references = (JsonArray)document["references"]!;
        Assert.NotEmpty(references);
        var pages = references.Select(r => (int?)r!["page"]).ToList();
        Assert.All(pages, p => Assert.InRange(p ?? 0, 1, 3));
        // In text order, pages never go back, except that footnotes follow the body.
        var body = references.Where(r => r!["footnote"] is null).Select(r => (int)r!["page"]!).ToList();
        Assert.Equal(body.Order(), body);
        Assert.Contains(3, pages);
    }

    [Fact]
    public async Task A_text_file_has_no_pages_in_its_output()
    {
        var result = await GraphCli.RunAsync(Repository.Root, "extract", "seeds/002_1bb7a33e0cfe5e8b.txt");

        var document = Assert.Single(Output.Array(result));
        Assert.False(document.ContainsKey("pages"));
        Assert.All((JsonArray)document["references"]!, r => Assert.False(((JsonObject)r!).ContainsKey("page")));
    }

    [Fact]
    public async Task Extract_text_prints_the_text_rebuilt_from_a_PDF_that_spans_count_in()
    {
        string pdf = Repository.SamplePdf("A_RES_78_236");

        var text = await GraphCli.RunAsync(Repository.Root, "extract", "--text", pdf);
        var json = await GraphCli.RunAsync(Repository.Root, "extract", pdf);

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal(GoldenText("A_RES_78_236"), text.Stdout);
        var references = (JsonArray)Assert.Single(Output.Array(json))["references"]!;
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Equal((string)r!["surface"]!, text.Stdout.Substring((int)r["start"]!, (int)r["length"]!)));
    }

    [Fact]
    public async Task Extract_text_heads_each_file_when_there_are_several_and_reports_a_bad_one()
    {
        using var temp = new TempFolder();
        temp.Write("docs/a.txt", "Recalling its resolution 66/69,\n");
        temp.Write("docs/b.pdf", "not a PDF at all");
        temp.Write("docs/c.txt", "decision 58/519");

        var result = await GraphCli.RunAsync(temp.Root, "extract", "--text", "docs");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("==> docs/a.txt <==\nRecalling its resolution 66/69,\n\n==> docs/c.txt <==\ndecision 58/519\n\n", result.Stdout);
        Assert.Equal("graph: docs/b.pdf: the PDF is damaged: it is not a PDF (no %PDF- header)\n", result.Stderr);
    }

    [Fact]
    public async Task Extract_text_with_a_format_is_a_usage_error()
    {
        var result = await GraphCli.RunAsync(Repository.Root, "extract", "--text", "--format", "jsonl", "seeds");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--text prints text, not JSON: leave out --format", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Bad_PDFs_are_each_reported_by_name_and_the_good_ones_still_extracted()
    {
        using var temp = new TempFolder();
        byte[] good = File.ReadAllBytes(Repository.SamplePdf("A_RES_78_48"));
        temp.Write("docs/1-good.pdf", good);
        temp.Write("docs/2-cut.pdf", good[..(good.Length / 2)]);
        temp.Write("docs/3-empty.pdf", []);
        temp.Write("docs/4-seed.txt", File.ReadAllBytes(Repository.Path("seeds", "002_1bb7a33e0cfe5e8b.txt")));

        var result = await GraphCli.RunAsync(temp.Root, "extract", "--format", "jsonl", "docs");

        Assert.Equal(1, result.ExitCode);
        var lines = Output.Lines(result);
        Assert.Equal(["docs/1-good.pdf", "docs/2-cut.pdf", "docs/3-empty.pdf", "docs/4-seed.txt"], lines.Select(Output.File));
        Assert.Equal("A/RES/78/48", (string?)lines[0]["symbol"]);
        Assert.Equal("the PDF is damaged: it is cut short (no %%EOF at its end)", (string?)lines[1]["error"]);
        Assert.Equal("the PDF is damaged: the file is empty", (string?)lines[2]["error"]);
        Assert.Equal("A/RES/68/72", (string?)lines[3]["symbol"]);
        Assert.Contains("graph: docs/2-cut.pdf: the PDF is damaged", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_loads_PDFs_beside_text_files_and_reports_a_bad_one_without_stopping()
    {
        using var temp = new TempFolder();
        temp.Write("docs/A_RES_78_48.pdf", File.ReadAllBytes(Repository.SamplePdf("A_RES_78_48")));
        temp.Write("docs/A_RES_79_281.pdf", File.ReadAllBytes(Repository.SamplePdf("A_RES_79_281")));
        temp.Write("docs/broken.pdf", "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");
        temp.Write("docs/seed.txt", File.ReadAllBytes(Repository.Path("seeds", "002_1bb7a33e0cfe5e8b.txt")));
        string store = "sqlite:" + temp.Path("g.db");

        var build = await GraphCli.RunAsync(temp.Root, "build", "docs", "--store", store);
        var show = await GraphCli.RunAsync(temp.Root, "show", "A/RES/79/281", "--store", store, "--format", "json");

        Assert.Equal(1, build.ExitCode);
        Assert.StartsWith("3 documents loaded (3 resolutions)", build.Stdout, StringComparison.Ordinal);
        Assert.Contains("docs/broken.pdf: the PDF is damaged", build.Stderr, StringComparison.Ordinal);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("Joint Inspection Unit", show.Stdout, StringComparison.Ordinal);
    }
}
