using System.Text.Json.Nodes;
using Graph.Worker.Tests.Support;

namespace Graph.Worker.Tests;

/// <summary>The generated documents are what the other tests take them for: each with a UN symbol of its own.</summary>
public sealed class CorpusTests
{
    [Fact]
    public async Task Generated_documents_extract_with_their_own_symbols_and_cite_the_one_generated_five_before()
    {
        using var temp = new TempFolder();
        Corpus.WriteGenerated(temp.Path("docs"), 0, 15);
        Corpus.Write(temp.Path("docs/padded.txt"), Corpus.Padded(7, 20_000));

        var result = await GraphCli.RunAsync(temp.Root, "extract", "docs", "--format", "jsonl");

        Assert.True(result.ExitCode == 0, result.ToString());
        var documents = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => (JsonObject)JsonNode.Parse(l)!)
            .ToDictionary(d => (string)d["file"]!);
        for (int i = 0; i < 15; i++)
        {
            var document = documents[$"docs/{Corpus.GeneratedName(i)}"];
            Assert.Equal(Corpus.GeneratedSymbol(i), (string?)document["symbol"]);
            var cited = ((JsonArray)document["references"]!).Select(r => (string)r!["id"]!).ToList();
            Assert.DoesNotContain(Corpus.GeneratedSymbol(i), cited);
            if (i >= 5 && Corpus.Seeds[i % 5].Number == "68/72")
            {
                Assert.Contains(Corpus.GeneratedSymbol(i - 5), cited);
            }
        }
        Assert.Equal(Corpus.GeneratedSymbol(7), (string?)documents["docs/padded.txt"]["symbol"]);
    }

    [Fact]
    public async Task The_corrected_english_seed_recalls_another_resolution_under_the_same_symbol()
    {
        using var temp = new TempFolder();
        Corpus.Write(temp.Path("docs/corrected.txt"), Corpus.CorrectedEnglishSeed());

        var result = await GraphCli.RunAsync(temp.Root, "extract", "docs/corrected.txt");

        Assert.True(result.ExitCode == 0, result.ToString());
        var document = (JsonObject)((JsonArray)JsonNode.Parse(result.Stdout)!)[0]!;
        Assert.Equal("A/RES/68/72", (string?)document["symbol"]);
        var cited = ((JsonArray)document["references"]!).Select(r => (string)r!["id"]!).ToList();
        Assert.Contains("A/RES/66/70", cited);
        Assert.DoesNotContain("A/RES/66/69", cited);
    }
}
