using System.Text.Json;
using System.Text.RegularExpressions;
using Graph.Export;
using Graph.Model;
using Graph.Store;

namespace Graph.Tests.Export;

public sealed partial class CypherScriptWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An UNWIND statement read back: its rows as literal values, and the clauses after them.</summary>
    private sealed record Unwind(List<Dictionary<string, object>> Rows, string Clauses);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    private static async Task<(ExportResult Result, string Script, List<string> Statements)> ExportAsync(TempDirectory dir, ListedGraph store)
    {
        var result = await GraphExport.WriteAsync(store, "cypher", dir.Path, Ct);
        string script = await File.ReadAllTextAsync(dir.File("graph.cypher"), Ct);
        return (result, script, CypherScript.Statements(script));
    }

    private static Unwind Parse(string statement)
    {
        Assert.StartsWith("UNWIND ", statement, StringComparison.Ordinal);
        int pos = "UNWIND ".Length;
        var rows = Assert.IsType<List<object>>(CypherScript.ReadLiteral(statement, ref pos));
        return new Unwind([.. rows.Cast<Dictionary<string, object>>()], Space().Replace(statement[pos..].Trim(), " "));
    }

    private static string ConstraintName(NodeLabel label) => string.Concat(label.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToLowerInvariant() + "_id";

    [Fact]
    public async Task The_schema_comes_first_then_nodes_then_relationships()
    {
        using var dir = new TempDirectory();
        var (result, _, statements) = await ExportAsync(dir, SampleGraph.Store());

        Assert.Equal([dir.File("graph.cypher")], result.Files);
        Assert.Equal($"cypher-shell -f {dir.File("graph.cypher")}", result.Command);
        Assert.Equal((4, 3, 1), (result.Nodes, result.Edges, result.SkippedEdges));
        Assert.Equal(GraphSchema.Statements, statements.Take(GraphSchema.Statements.Count));
        foreach (var label in NodeLabels.All)
        {
            Assert.Contains($"CREATE CONSTRAINT {ConstraintName(label)} IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE", statements);
        }
        Assert.Contains("CREATE CONSTRAINT agenda_item_id IF NOT EXISTS FOR (n:AgendaItem) REQUIRE n.id IS UNIQUE", statements);

        var data = statements.Skip(GraphSchema.Statements.Count).Select(Parse).ToList();
        Assert.Equal(
            [
                "AS row MERGE (n:Resolution {id: row.id}) SET n += row.props",
                "AS row MERGE (n:Document {id: row.id}) SET n += row.props",
                "AS row MERGE (n:Treaty {id: row.id}) SET n += row.props",
                "AS row MATCH (a:Resolution {id: row.from}) MATCH (b:Document {id: row.to}) MERGE (a)-[r:RECALLS]->(b) SET r += row.props",
                "AS row MATCH (a:Resolution {id: row.from}) MATCH (b:Treaty {id: row.to}) MERGE (a)-[r:RECALLS]->(b) SET r += row.props",
                "AS row MATCH (a:Document {id: row.from}) MATCH (b:Treaty {id: row.to}) MERGE (a)-[r:OF_COMMITTEE]->(b) SET r += row.props",
            ],
            data.Select(u => u.Clauses));
        Assert.Equal([1, 1, 2, 1, 1, 1], data.Select(u => u.Rows.Count));
        Assert.DoesNotContain(data.SelectMany(u => u.Rows), r => Equals(r.GetValueOrDefault("to"), SampleGraph.MissingId));
    }

    [Fact]
    public async Task Every_statement_merges_so_running_the_script_twice_gives_the_same_graph()
    {
        using var dir = new TempDirectory();
        var (_, _, statements) = await ExportAsync(dir, SampleGraph.Store());

        Assert.All(statements, s => Assert.True(
            (s.StartsWith("CREATE ", StringComparison.Ordinal) && s.Contains(" IF NOT EXISTS ", StringComparison.Ordinal))
            || (s.StartsWith("UNWIND ", StringComparison.Ordinal) && Parse(s).Clauses.Contains(" MERGE (", StringComparison.Ordinal)),
            s));
        Assert.All(statements.Skip(GraphSchema.Statements.Count), s => Assert.DoesNotMatch(@"\b(CREATE|DELETE|REMOVE)\b", Parse(s).Clauses));
    }

    [Fact]
    public async Task Hostile_text_is_escaped_so_each_literal_reads_back_the_same()
    {
        using var dir = new TempDirectory();
        var (_, script, statements) = await ExportAsync(dir, SampleGraph.Store());

        // No raw control character anywhere: every line break or control inside a value is an escape.
        Assert.DoesNotContain(script, c => (c < ' ' && c != '\n') || c is (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029');
        var rows = statements.Skip(GraphSchema.Statements.Count).Select(Parse).SelectMany(u => u.Rows).ToList();

        var resolution = Assert.Single(rows, r => Equals(r.GetValueOrDefault("id"), "A/RES/68/72"));
        Assert.Equal(
            new Dictionary<string, object>
            {
                ["name"] = Hostile.Quotes,
                ["ingested"] = true,
                ["adopted"] = true,
                ["date"] = "2013-12-05",
                ["files"] = new List<object>(SampleGraph.Files),
                ["note"] = Hostile.Expected(Hostile.EscapesAsText + " " + Hostile.Astral + " " + Hostile.LoneSurrogate),
                ["number"] = 72L,
                ["title_en"] = Hostile.Breaks + " " + Hostile.Markup,
                ["title_zh"] = Hostile.Chinese,
            },
            Assert.IsType<Dictionary<string, object>>(resolution["props"]));

        var document = Assert.Single(rows, r => Equals(r.GetValueOrDefault("id"), SampleGraph.DocumentId));
        Assert.Equal(Hostile.Markup, ((Dictionary<string, object>)document["props"])["name"]);
        var ccw = Assert.Single(rows, r => Equals(r.GetValueOrDefault("id"), "ccw-p5"));
        Assert.Equal(Hostile.Controls, ((Dictionary<string, object>)ccw["props"])["name"]);
    }

    [Fact]
    public async Task Relationships_carry_counts_lists_and_evidence_as_json_strings()
    {
        using var dir = new TempDirectory();
        var (_, _, statements) = await ExportAsync(dir, SampleGraph.Store());
        var rows = statements.Skip(GraphSchema.Statements.Count).Select(Parse).SelectMany(u => u.Rows).Where(r => r.ContainsKey("from")).ToList();

        var recalls = Assert.Single(rows, r => Equals(r["to"], SampleGraph.DocumentId));
        Assert.Equal("A/RES/68/72", recalls["from"]);
        var props = (Dictionary<string, object>)recalls["props"];
        Assert.Equal(["count", "languages", "surfaces", "pinpoints", "evidence"], props.Keys);
        Assert.Equal(3L, props["count"]);
        Assert.Equal(["en", "zh"], (List<object>)props["languages"]);
        Assert.Equal([Hostile.Chinese, Hostile.Breaks], (List<object>)props["surfaces"]);
        Assert.Equal(["第96段", "para. 96; annex | I"], (List<object>)props["pinpoints"]);
        var evidence = ((List<object>)props["evidence"]).Cast<string>().Select(json => JsonDocument.Parse(json).RootElement).ToList();
        Assert.Equal(Hostile.Breaks, evidence[1].GetProperty("surface").GetString());
        Assert.Equal("seeds/A_RES_68_72 \"zh\";|.txt", evidence[1].GetProperty("file").GetString());
        Assert.Equal(2, evidence[1].GetProperty("page").GetInt32());
        Assert.False(evidence[0].TryGetProperty("page", out _));

        var treaty = (Dictionary<string, object>)Assert.Single(rows, r => Equals(r["to"], "ccm"))["props"];
        Assert.Equal([Hostile.Expected(Hostile.Controls + " " + Hostile.LoneSurrogate)], (List<object>)treaty["surfaces"]);
        var structural = (Dictionary<string, object>)Assert.Single(rows, r => Equals(r["to"], "ccw-p5"))["props"];
        Assert.Equal((1L, 0, 0), (structural["count"], ((List<object>)structural["surfaces"]).Count, ((List<object>)structural["pinpoints"]).Count));
    }

    [Fact]
    public async Task Rows_come_in_batches_of_at_most_500_per_label_and_relationship_group()
    {
        var subjects = Enumerable.Range(0, 1001)
            .Select(i => new GraphNode($"subject:T{i:D4}", NodeLabel.Subject, $"term {i}", true, new Dictionary<string, object>()))
            .ToList();
        var about = subjects.Take(501).Select(s => new GraphEdge("A/RES/68/72", "ABOUT", s.Id, [SampleGraph.Said("en", null, null)])).ToList();
        using var dir = new TempDirectory();
        var (result, _, statements) = await ExportAsync(dir, new ListedGraph([SampleGraph.Resolution, .. subjects], about));

        var data = statements.Skip(GraphSchema.Statements.Count).Select(Parse).ToList();
        Assert.Equal(
            [("Subject", 500), ("Subject", 500), ("Resolution", 1), ("Subject", 1), ("ABOUT", 500), ("ABOUT", 1)],
            data.Select(u => (u.Clauses.Contains("ABOUT", StringComparison.Ordinal) ? "ABOUT" : u.Clauses.Contains("Subject", StringComparison.Ordinal) ? "Subject" : "Resolution", u.Rows.Count)));
        Assert.Equal(subjects.Select(s => s.Id), data.Where(u => u.Clauses.Contains("(n:Subject", StringComparison.Ordinal)).SelectMany(u => u.Rows).Select(r => r["id"]));
        int firstRelationship = data.FindIndex(u => u.Clauses.Contains("MATCH", StringComparison.Ordinal));
        Assert.All(data.Skip(firstRelationship), u => Assert.Contains("MATCH", u.Clauses, StringComparison.Ordinal));
        Assert.Equal((1002, 501), (result.Nodes, result.Edges));
    }
}
