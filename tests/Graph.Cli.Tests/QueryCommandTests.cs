using System.Text.Json.Nodes;
using Graph.Building;
using Graph.Cli.Tests.Support;
using Graph.Extraction;
using Graph.Storage;

namespace Graph.Cli.Tests;

/// <summary>The query commands run as real processes on a graph built from the seeds.</summary>
public sealed class QueryCommandTests(SeedStore seeds) : IClassFixture<SeedStore>
{
    [Fact]
    public async Task Precedents_of_68_72_are_the_resolution_it_recalls_and_the_earlier_member_of_its_series()
    {
        var result = await seeds.Query("precedents", "A/RES/68/72");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "A/RES/68/72: 2 precedents (depth 1), newest first",
                "  A/RES/66/69  2011-12-09  A/RES/68/72 -RECALLS-> A/RES/66/69",
                "  A/RES/62/99  2007-12-17  A/RES/68/72 ~same series \"Assistance in mine action\"~> A/RES/62/99",
            ],
            result.Stdout.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Precedents_as_json_are_newest_first_with_their_chains()
    {
        var result = await seeds.Query("precedents", "A/RES/75/62", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var precedents = (JsonArray)JsonNode.Parse(result.Stdout)!["precedents"]!;
        Assert.Equal(
            ["A/RES/74/62", "A/RES/73/54", "A/RES/72/54", "A/RES/71/45", "A/RES/70/54", "A/RES/63/71"],
            precedents.Select(p => (string)p!["node"]!["id"]!));
        var dates = precedents.Select(p => (string)p!["node"]!["properties"]!["date"]!).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.All(precedents, p =>
        {
            var step = Assert.Single((JsonArray)p!["chain"]!)!;
            Assert.Equal("A/RES/75/62", (string?)step["from"]);
            Assert.Equal("RECALLS", (string?)step["type"]);
        });
    }

    [Fact]
    public async Task A_greater_depth_follows_the_chain_back_through_the_series()
    {
        var result = await seeds.Query("precedents", "A/RES/68/72", "--depth", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(
            "  A/RES/60/97  2005-12-08  A/RES/68/72 ~same series \"Assistance in mine action\"~> A/RES/62/99 -RECALLS-> A/RES/60/97",
            result.Stdout.Split('\n'));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("x")]
    [InlineData("101")]
    public async Task A_depth_that_is_not_a_whole_number_from_1_to_100_is_a_usage_error(string depth)
    {
        var result = await seeds.Query("precedents", "A/RES/68/72", "--depth", depth);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--depth takes a whole number from 1 to 100", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cites_gives_each_edge_once_with_the_evidence_of_both_language_versions()
    {
        var result = await seeds.Query("cites", "A/RES/68/72", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var recalls = ((JsonArray)JsonNode.Parse(result.Stdout)!["cites"]!)
            .Select(c => c!["edge"]!)
            .Single(e => (string?)e["type"] == "RECALLS" && (string?)e["to"] == "A/RES/66/69");
        Assert.Equal(["en", "zh"], ((JsonArray)recalls["languages"]!).Select(l => (string)l!));
        foreach (var evidence in ((JsonArray)recalls["evidence"]!).Select(e => e!))
        {
            // The surface really stands at the offset given, in the file named.
            string text = File.ReadAllText(Repository.Path((string)evidence["file"]!));
            Assert.Equal((string?)evidence["surface"], text.Substring((int)evidence["offset"]!, (int)evidence["length"]!));
            Assert.Equal("preamble", (string?)evidence["paragraph"]!["part"]);
        }
    }

    /// <remarks>
    /// The store is loaded in the test with a resolution as a PDF reader gives it (each reference with its page),
    /// beside the same words read from a text file, whose line keeps its form from before PDFs were read.
    /// </remarks>
    [Fact]
    public async Task Cites_and_cited_by_give_a_PDF_citation_its_page_beside_the_file_and_a_text_file_none()
    {
        using var temp = new TempFolder();
        string store = "sqlite:" + temp.Path("graph.db");
        const string Text = "80/1. Transparency in armaments\n\nThe General Assembly,\n\nRecalling its resolution 66/69 of 9 December 2011,\n";
        var extracted = Extractor.Default.Extract(Text, "pdf/80-1.pdf");
        extracted = extracted with { Pages = 4, References = [.. extracted.References.Select(r => r with { Page = 3 })] };
        var pdf = GraphBuilder.Build(extracted, out string? error) ?? throw new InvalidOperationException(error);
        string other = Text.Replace("80/1. Transparency", "80/2. Openness", StringComparison.Ordinal);
        var text = GraphBuilder.Build(Extractor.Default.Extract(other, "text/80-2.txt"), out error) ?? throw new InvalidOperationException(error);
        await using (var graph = GraphStores.Open(store, create: true))
        {
            await graph.LoadAsync([pdf, text], TestContext.Current.CancellationToken);
        }
        int offset = Text.IndexOf("resolution 66/69", StringComparison.Ordinal);
        int textOffset = other.IndexOf("resolution 66/69", StringComparison.Ordinal);

        var cites = await GraphCli.RunAsync(temp.Root, "cites", "A/RES/80/1", "--store", store);
        var citedBy = await GraphCli.RunAsync(temp.Root, "cited-by", "A/RES/66/69", "--store", store);

        Assert.True(cites.ExitCode == 0, cites.ToString());
        Assert.Contains($"      en  pdf/80-1.pdf@{offset}, p. 3  preamble 1  \"resolution 66/69 of 9 December 2011\"", cites.Stdout.Split('\n'));
        Assert.True(citedBy.ExitCode == 0, citedBy.ToString());
        string[] lines = citedBy.Stdout.Split('\n');
        Assert.Contains($"      en  pdf/80-1.pdf@{offset}, p. 3  preamble 1  \"resolution 66/69 of 9 December 2011\"", lines);
        Assert.Contains($"      en  text/80-2.txt@{textOffset}  preamble 1  \"resolution 66/69 of 9 December 2011\"", lines);
    }

    [Fact]
    public async Task Either_part_of_a_joint_symbol_finds_the_joint_document()
    {
        var result = await seeds.Query("cited-by", "S/2001/574");

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Stdout.Split('\n');
        Assert.Equal("A/55/985-S/2001/574 is cited by 1 node (1 edge)", lines[0]);
        Assert.Equal("  A/RES/69/60 (Resolution) -NOTES_WITH_APPRECIATION->", lines[1]);
        Assert.Contains("footnote 1", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_both_titles_the_links_and_the_degree()
    {
        var result = await seeds.Query("show", "A/RES/68/72", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonNode.Parse(result.Stdout)!;
        var node = json["node"]!;
        Assert.True((bool)node["ingested"]!);
        Assert.Equal("Assistance in mine action", (string?)node["properties"]!["title_en"]);
        Assert.Equal("协助地雷行动", (string?)node["properties"]!["title_zh"]);
        Assert.Equal("https://undocs.org/zh/A/RES/68/72", (string?)node["properties"]!["url_zh"]);
        var cites = await seeds.Query("cites", "A/RES/68/72", "--format", "json");
        var edges = ((JsonArray)JsonNode.Parse(cites.Stdout)!["cites"]!).Select(c => (string)c!["edge"]!["type"]!).ToList();
        Assert.Equal(edges.Count, (int)json["degree"]!["out"]!["total"]!);
        Assert.Equal(edges.Count(t => t == "RECALLS"), (int)json["degree"]!["out"]!["RECALLS"]!);
    }

    [Fact]
    public async Task Show_in_text_marks_a_document_that_is_only_cited()
    {
        var result = await seeds.Query("show", "A/RES/66/69");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("A/RES/66/69  (Resolution, cited but its text not loaded)\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  date: 2011-12-09\n", result.Stdout, StringComparison.Ordinal);
        // Cited by the Chinese and the English text of A/RES/68/72: one edge, not two.
        Assert.Contains("  in: 1 (RECALLS 1)\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_count_what_the_seeds_hold()
    {
        var result = await seeds.Query("stats", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var stats = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(5, (int)stats["sources"]!);
        Assert.Equal(4, (int)stats["nodes"]!["Resolution"]!["ingested"]!);
        Assert.Equal(1, (int)stats["nodes"]!["Series"]!["all"]!);
        var treaties = ((JsonArray)stats["mostCitedTreaties"]!).Select(t => ((string)t!["id"]!, (int)t["citedBy"]!)).ToList();
        Assert.Contains(("ccm", 2), treaties);
        Assert.Equal(treaties.Select(t => t.Item2).OrderDescending(), treaties.Select(t => t.Item2));
    }

    [Fact]
    public async Task An_unknown_id_is_reported_and_exits_with_1()
    {
        var result = await seeds.Query("show", "A/RES/99/999");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains($"no node 'A/RES/99/999' in {seeds.Address}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_on_a_store_that_does_not_exist_says_so_and_creates_nothing()
    {
        using var temp = new TempFolder();

        var result = await GraphCli.RunAsync(temp.Root, "precedents", "A/RES/68/72");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("sqlite:graph.db: no such file; run 'graph build", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Path("graph.db")));
    }

    [Fact]
    public async Task Ids_are_read_without_spaces_as_the_catalogue_writes_them()
    {
        var spaced = await seeds.Query("show", "A/RES/68/ 72");
        var plain = await seeds.Query("show", "A/RES/68/72");

        Assert.Equal(0, spaced.ExitCode);
        Assert.Equal(plain.Stdout, spaced.Stdout);
    }
}
