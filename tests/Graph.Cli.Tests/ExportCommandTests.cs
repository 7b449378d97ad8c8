using System.Text.Json.Nodes;
using System.Xml.Linq;
using Graph.Cli.Tests.Support;

namespace Graph.Cli.Tests;

/// <summary><c>graph export</c> run as a real process on a graph built from the seeds, into real folders.</summary>
public sealed class ExportCommandTests(SeedStore seeds) : IClassFixture<SeedStore>
{
    [Fact]
    public async Task Jsonl_export_holds_every_node_and_relationship_the_store_counts()
    {
        using var temp = new TempFolder();
        var (nodes, edges) = await CountsAsync();

        var result = await seeds.Query("export", "--format", "jsonl", "--out", temp.Path("out"));

        Assert.True(result.ExitCode == 0, result.ToString());
        string file = temp.Path(Path.Combine("out", "graph.jsonl"));
        Assert.Equal(
            [$"{nodes} nodes and {edges} relationships from {seeds.Address} written as jsonl:", $"  {file}"],
            result.Stdout.TrimEnd('\n').Split('\n'));
        var lines = File.ReadAllLines(file).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(nodes, lines.Count(l => (string?)l["type"] == "node"));
        Assert.Equal(edges, lines.Count(l => (string?)l["type"] == "relationship"));
        Assert.Contains(lines, l => (string?)l["type"] == "relationship"
            && (string?)l["start"] == "A/RES/68/72" && (string?)l["label"] == "RECALLS" && (string?)l["end"] == "A/RES/66/69");
    }

    [Fact]
    public async Task Neo4j_admin_export_prints_the_import_command_and_writes_it_as_a_script()
    {
        using var temp = new TempFolder();

        var result = await seeds.Query("export", "--format", "neo4j-admin", "--out", temp.Path("csv"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        string command = lines[^1].Trim();
        Assert.Equal("To load it, run:", lines[^2]);
        Assert.StartsWith("neo4j-admin database import full neo4j ", command, StringComparison.Ordinal);
        // Every file the command names was written, with the header line the import tool reads.
        var named = command.Split(' ').Where(w => w.StartsWith("--nodes=", StringComparison.Ordinal) || w.StartsWith("--relationships=", StringComparison.Ordinal))
            .Select(w => w[(w.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim('\''))
            .ToList();
        Assert.Contains(temp.Path(Path.Combine("csv", "nodes-Resolution.csv")), named);
        Assert.Contains(temp.Path(Path.Combine("csv", "relationships-RECALLS.csv")), named);
        // The files listed are the ones the command loads, then the script holding the command.
        Assert.Equal([.. named.Select(f => "  " + f), "  " + temp.Path(Path.Combine("csv", "import.sh"))], lines[1..^2]);
        Assert.All(named, f => Assert.True(File.Exists(f), $"{f} named by the command exists"));
        Assert.All(named, f => Assert.Contains(":", File.ReadLines(f).First(), StringComparison.Ordinal));
        string script = temp.Path(Path.Combine("csv", "import.sh"));
        Assert.Contains(command, File.ReadAllText(script), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cypher_export_starts_with_the_schema_and_names_the_cypher_shell_command()
    {
        using var temp = new TempFolder();

        var result = await seeds.Query("export", "--format", "cypher", "--out", temp.Path("cypher"));

        Assert.True(result.ExitCode == 0, result.ToString());
        string script = Directory.GetFiles(temp.Path("cypher")).Single();
        Assert.Contains($"  cypher-shell -f {script}", result.Stdout.Split('\n'));
        string text = File.ReadAllText(script);
        Assert.StartsWith("CREATE CONSTRAINT", text.TrimStart().Split('\n').First(l => !l.StartsWith("//", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("MERGE", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graphml_export_is_well_formed_xml_with_every_node()
    {
        using var temp = new TempFolder();
        var (nodes, edges) = await CountsAsync();

        var result = await seeds.Query("export", "--format", "graphml", "--out", temp.Path("g"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var document = XDocument.Load(Directory.GetFiles(temp.Path("g")).Single());
        XNamespace ns = "http://graphml.graphdrawing.org/xmlns";
        Assert.Equal(nodes, document.Descendants(ns + "node").Count());
        Assert.Equal(edges, document.Descendants(ns + "edge").Count());
    }

    [Theory]
    [InlineData("export needs --format, one of: cypher, neo4j-admin, graphml, jsonl", "--out", "x")]
    [InlineData("export needs --format, one of: cypher, neo4j-admin, graphml, jsonl", "--format", "csv", "--out", "x")]
    [InlineData("export needs --out DIR", "--format", "jsonl")]
    public async Task Export_without_a_known_format_or_a_folder_is_a_usage_error(string message, params string[] args)
    {
        var result = await seeds.Query(["export", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_from_a_store_that_does_not_exist_fails_without_creating_it()
    {
        using var temp = new TempFolder();
        string missing = temp.Path("missing.db");

        var result = await GraphCli.RunAsync(temp.Root, "export", "--format", "jsonl", "--out", "out", "--store", "sqlite:" + missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no such file", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        Assert.False(Directory.Exists(temp.Path("out")));
    }

    /// <summary>The store's own counts, from <c>graph stats</c>.</summary>
    private async Task<(int Nodes, int Edges)> CountsAsync()
    {
        var stats = await seeds.Query("stats", "--format", "json");
        Assert.True(stats.ExitCode == 0, stats.ToString());
        var json = JsonNode.Parse(stats.Stdout)!;
        int nodes = ((JsonObject)json["nodes"]!).Sum(n => (int)n.Value!["all"]!);
        int edges = ((JsonObject)json["edges"]!).Sum(e => (int)e.Value!);
        return (nodes, edges);
    }
}
