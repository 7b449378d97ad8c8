using System.Text.Json.Nodes;
using Graph.Cli.Tests.Support;

namespace Graph.Cli.Tests;

/// <summary><c>graph build</c> run as a real process into a real SQLite file.</summary>
public sealed class BuildCommandTests
{
    private const string EnglishSeed = "002_1bb7a33e0cfe5e8b.txt";

    [Fact]
    public async Task Build_loads_the_seeds_and_sums_them_up_in_words()
    {
        using var temp = new TempFolder();
        string store = "sqlite:" + temp.Path("g.db");
        var extracted = Output.Array(await GraphCli.RunAsync(Repository.Root, "extract", "seeds"));
        int references = extracted.Sum(d => ((JsonArray)d["references"]!).Count);
        int resolutions = extracted.Select(d => (string)d["symbol"]!).Distinct().Count();

        var result = await GraphCli.RunAsync(Repository.Root, "build", "seeds", "--store", store);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith(
            $"5 documents loaded ({resolutions} resolutions), {references} references, into {store} in ",
            result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("failed:", result.Stdout, StringComparison.Ordinal);
        // Redirected stderr is a log, not a live line: one plain line per batch.
        Assert.Contains("graph: loaded 5 of 5 files (100%), 0 failed", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', result.Stderr);
    }

    [Fact]
    public async Task Build_without_a_store_writes_graph_db_in_the_working_folder()
    {
        using var temp = new TempFolder();
        temp.Write("docs/a.txt", File.ReadAllBytes(Repository.Path("seeds", EnglishSeed)));

        var result = await GraphCli.RunAsync(temp.Root, "build", "docs");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(temp.Path("graph.db")), "graph.db was not created in the working folder");
        var show = await GraphCli.RunAsync(temp.Root, "show", "A/RES/68/72");
        Assert.True(show.ExitCode == 0, show.ToString());
    }

    [Fact]
    public async Task Bad_files_are_reported_by_name_and_skipped_and_the_rest_load()
    {
        using var temp = new TempFolder();
        foreach (string seed in Repository.SeedNames)
        {
            temp.Write("docs/" + seed, File.ReadAllBytes(Repository.Path("seeds", seed)));
        }
        temp.Write("docs/broken.txt", [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 0x0D, 0xFF, 0xFE, 0]);
        temp.Write("docs/memo.txt", "A note with no symbol. It recalls resolution 66/69 of 9 December 2011.\n");

        var result = await GraphCli.RunAsync(temp.Root, "build", "docs", "missing-folder", "--store", "sqlite:g.db");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("5 documents loaded", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 files failed: ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("graph: docs/broken.txt: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("graph: docs/memo.txt: no UN document symbol", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("missing-folder (no such file or folder)", result.Stdout, StringComparison.Ordinal);
        var stats = JsonNode.Parse((await GraphCli.RunAsync(temp.Root, "stats", "--format", "json", "--store", "sqlite:g.db")).Stdout)!;
        Assert.Equal(5, (int)stats["sources"]!);
    }

    [Fact]
    public async Task Building_the_same_files_again_changes_nothing()
    {
        using var temp = new TempFolder();
        string store = "sqlite:" + temp.Path("g.db");
        Assert.Equal(0, (await GraphCli.RunAsync(Repository.Root, "build", "seeds", "--store", store)).ExitCode);
        var before = await Snapshot(store);

        var again = await GraphCli.RunAsync(Repository.Root, "build", "seeds", "--store", store);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(before, await Snapshot(store));
    }

    [Fact]
    public async Task A_corrected_text_replaces_what_the_document_said_before()
    {
        using var temp = new TempFolder();
        string original = File.ReadAllText(Repository.Path("seeds", EnglishSeed));
        temp.Write("docs/res.txt", original);
        Assert.Equal(0, (await GraphCli.RunAsync(temp.Root, "build", "docs")).ExitCode);
        var citedBefore = await GraphCli.RunAsync(temp.Root, "cited-by", "A/RES/66/69");
        Assert.Contains("A/RES/68/72", citedBefore.Stdout, StringComparison.Ordinal);

        // The corrected text no longer recalls resolution 66/69.
        string corrected = original.Replace("resolution 66/69 of 9 December 2011", "its earlier resolutions", StringComparison.Ordinal);
        Assert.NotEqual(original, corrected);
        temp.Write("docs/res.txt", corrected);
        var rebuilt = await GraphCli.RunAsync(temp.Root, "build", "docs");

        Assert.True(rebuilt.ExitCode == 0, rebuilt.ToString());
        var citedAfter = await GraphCli.RunAsync(temp.Root, "cited-by", "A/RES/66/69");
        Assert.Equal(1, citedAfter.ExitCode);
        Assert.Contains("no node 'A/RES/66/69'", citedAfter.Stderr, StringComparison.Ordinal);
        var show = await GraphCli.RunAsync(temp.Root, "show", "A/RES/68/72", "--format", "json");
        Assert.Equal("Assistance in mine action", (string?)JsonNode.Parse(show.Stdout)!["node"]!["properties"]!["title_en"]);
    }

    [Theory]
    [InlineData(new[] { "build" }, "build needs at least one file or folder")]
    [InlineData(new[] { "build", "seeds", "--stor", "x" }, "unknown option '--stor' for build")]
    [InlineData(new[] { "build", "seeds", "--store" }, "--store needs a value")]
    public async Task Usage_errors_exit_with_2_and_say_what_is_wrong(string[] args, string message)
    {
        using var temp = new TempFolder();

        var result = await GraphCli.RunAsync(temp.Root, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Path("graph.db")), "a usage error created a store");
    }

    [Fact]
    public async Task A_store_address_of_an_unknown_kind_is_refused_before_anything_is_read()
    {
        var result = await GraphCli.RunAsync(Repository.Root, "build", "seeds", "--store", "postgres://admin:s3cret-pw@x");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown store kind 'postgres': use sqlite:PATH or neo4j:URL", result.Stderr, StringComparison.Ordinal);
        // An address may carry a password; a message never repeats it.
        Assert.DoesNotContain("s3cret-pw", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Everything the query commands say about the seeds' graph.</summary>
    private static async Task<string> Snapshot(string store)
    {
        var parts = new List<string> { (await GraphCli.RunAsync(Repository.Root, "stats", "--format", "json", "--store", store)).Stdout };
        foreach (string id in new[] { "A/RES/68/72", "A/RES/69/60", "A/RES/75/62", "A/RES/62/99", "ccm", "A/68" })
        {
            parts.Add((await GraphCli.RunAsync(Repository.Root, "cites", id, "--format", "json", "--store", store)).Stdout);
            parts.Add((await GraphCli.RunAsync(Repository.Root, "cited-by", id, "--format", "json", "--store", store)).Stdout);
        }
        return string.Join("\n", parts);
    }
}
