using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Graph.Cli.Tests.Support;
using Graph.Storage;

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

    /// <remarks>
    /// More files than a batch (so one batch is extracted while the one before loads), by one, two and eight
    /// threads. Two files hold the same document, so the one listed last must be the one loaded (the graph names its
    /// file): the first is made fifty times longer, so that with several threads it finishes well after the second
    /// and only loading in the listed order keeps it first. Two files cannot be read, and their messages must come
    /// in the listed order too.
    /// </remarks>
    [Fact]
    public async Task The_graph_the_journal_and_the_messages_are_the_same_whatever_the_parallelism()
    {
        using var temp = new TempFolder();
        var corpus = new CorpusGenerator(1946);
        corpus.Write(temp.Path("corpus"), 560);
        string copy = corpus.Document(7);
        temp.Write("corpus/gen/0000/zz-copy-a.txt", copy + string.Concat(Enumerable.Repeat("This line only makes the file longer.\n", 50 * copy.Length / 38)));
        temp.Write("corpus/gen/0000/zz-copy-b.txt", copy);
        temp.Write("corpus/gen/0000/gen-0000100-broken.txt", [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 0x0D, 0xFF, 0xFE, 0]);
        temp.Write("corpus/gen/0000/gen-0000300-memo.txt", "A note with no symbol. It recalls resolution 66/69 of 9 December 2011.\n");

        var runs = new List<(string Summary, string[] Failures, string Graph, string Journal)>();
        foreach (string parallel in new[] { "1", "2", "8" })
        {
            string store = "sqlite:" + temp.Path($"graph-{parallel}.db");
            var build = await GraphCli.RunAsync(temp.Root, "build", "corpus", "--store", store, "--parallel", parallel);
            Assert.True(build.ExitCode == 1, $"--parallel {parallel}: {build}");
            var export = await GraphCli.RunAsync(temp.Root, "export", "--format", "jsonl", "--out", temp.Path($"export-{parallel}"), "--store", store);
            Assert.True(export.ExitCode == 0, export.ToString());
            string journal;
            await using (var opened = GraphStores.Open(store, create: false))
            {
                var files = await opened.LoadedFilesAsync(TestContext.Current.CancellationToken);
                journal = string.Join("\n", files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}"));
            }
            runs.Add((
                // The summary without its time and with the store named alike.
                Regex.Replace(build.Stdout, $"into {Regex.Escape(store)} in [^;\n]+", "into the store"),
                [.. build.Stderr.Split('\n').Where(l => l.StartsWith("graph: corpus/", StringComparison.Ordinal))],
                File.ReadAllText(temp.Path(Path.Combine($"export-{parallel}", "graph.jsonl"))),
                journal));
        }

        // Both copies load; the second replaces the first, which replaced the generated file holding the same document.
        Assert.StartsWith("562 documents loaded (560 resolutions), ", runs[0].Summary, StringComparison.Ordinal);
        Assert.Collection(
            runs[0].Failures,
            line => Assert.StartsWith("graph: corpus/gen/0000/gen-0000100-broken.txt: ", line, StringComparison.Ordinal),
            line => Assert.StartsWith("graph: corpus/gen/0000/gen-0000300-memo.txt: no UN document symbol", line, StringComparison.Ordinal));
        Assert.Contains("corpus/gen/0000/zz-copy-b.txt", runs[0].Graph, StringComparison.Ordinal);
        Assert.DoesNotContain("corpus/gen/0000/zz-copy-a.txt", runs[0].Graph, StringComparison.Ordinal);
        Assert.Equal(560, runs[0].Journal.Split('\n').Length);
        Assert.DoesNotContain("corpus/gen/0000/gen-0000007.txt", runs[0].Journal, StringComparison.Ordinal);
        foreach (var run in runs.Skip(1))
        {
            Assert.Equal(runs[0].Summary, run.Summary);
            Assert.Equal(runs[0].Failures, run.Failures);
            Assert.True(runs[0].Graph == run.Graph, "the exported graphs differ");
            Assert.Equal(runs[0].Journal, run.Journal);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("x")]
    [InlineData("1.5")]
    public async Task A_parallelism_that_is_not_a_whole_number_from_1_up_is_a_usage_error_and_creates_no_store(string value)
    {
        using var temp = new TempFolder();

        var result = await GraphCli.RunAsync(temp.Root, "build", Repository.Path("seeds"), "--parallel", value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("--parallel takes a whole number", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Path("graph.db")), "a usage error created a store");
    }

    [Theory]
    [InlineData(new[] { "build" }, "build needs at least one file or folder")]
    [InlineData(new[] { "build", "seeds", "--stor", "x" }, "unknown option '--stor' for build")]
    [InlineData(new[] { "build", "seeds", "--store" }, "--store needs a value")]
    [InlineData(new[] { "build", "seeds", "--parallel" }, "--parallel needs a value")]
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
