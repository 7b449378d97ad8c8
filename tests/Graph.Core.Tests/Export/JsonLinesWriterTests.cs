using System.Text.Json;
using Graph.Export;

namespace Graph.Tests.Export;

public sealed class JsonLinesWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<JsonElement>> ExportAsync(TempDirectory dir)
    {
        var result = await GraphExport.WriteAsync(SampleGraph.Store(), "jsonl", dir.Path, Ct);
        Assert.Equal([dir.File("graph.jsonl")], result.Files);
        Assert.Null(result.Command);
        string text = await File.ReadAllTextAsync(dir.File("graph.jsonl"), Ct);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        // One object a line: no line break of the hostile text may survive unescaped.
        return [.. text.TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task Every_node_then_every_relationship_is_one_line()
    {
        using var dir = new TempDirectory();
        var lines = await ExportAsync(dir);

        Assert.Equal(["node", "node", "node", "node", "relationship", "relationship", "relationship"], lines.Select(l => l.GetProperty("type").GetString()));
        Assert.Equal(SampleGraph.Nodes.Select(n => n.Id), lines.Take(4).Select(l => l.GetProperty("id").GetString()));
        Assert.Equal(
            SampleGraph.WrittenEdges.Select(e => (e.From, e.Type, e.To)),
            lines.Skip(4).Select(l => (l.GetProperty("start").GetString()!, l.GetProperty("label").GetString()!, l.GetProperty("end").GetString()!)));
    }

    [Fact]
    public async Task A_node_with_hostile_text_round_trips_with_typed_properties()
    {
        using var dir = new TempDirectory();
        var resolution = (await ExportAsync(dir))[0];

        Assert.Equal("A/RES/68/72", resolution.GetProperty("id").GetString());
        Assert.Equal("Resolution", resolution.GetProperty("label").GetString());
        Assert.Equal(Hostile.Quotes, resolution.GetProperty("name").GetString());
        Assert.True(resolution.GetProperty("ingested").GetBoolean());
        var p = resolution.GetProperty("properties");
        Assert.Equal(["adopted", "date", "files", "note", "number", "title_en", "title_zh"], p.EnumerateObject().Select(x => x.Name));
        Assert.Equal(JsonValueKind.True, p.GetProperty("adopted").ValueKind);
        Assert.Equal(72L, p.GetProperty("number").GetInt64());
        Assert.Equal(SampleGraph.Files, Strings(p.GetProperty("files")));
        Assert.Equal(Hostile.Breaks + " " + Hostile.Markup, p.GetProperty("title_en").GetString());
        Assert.Equal(Hostile.Chinese, p.GetProperty("title_zh").GetString());
        Assert.Equal(Hostile.Expected(Hostile.EscapesAsText + " " + Hostile.Astral + " " + Hostile.LoneSurrogate), p.GetProperty("note").GetString());
    }

    [Fact]
    public async Task A_node_with_a_quote_and_a_line_break_in_its_id_round_trips()
    {
        using var dir = new TempDirectory();
        var document = (await ExportAsync(dir))[1];

        Assert.Equal(SampleGraph.DocumentId, document.GetProperty("id").GetString());
        Assert.Equal(Hostile.Markup, document.GetProperty("name").GetString());
        Assert.False(document.GetProperty("ingested").GetBoolean());
        Assert.Equal(["en", "zh"], Strings(document.GetProperty("properties").GetProperty("languages")));
    }

    [Fact]
    public async Task A_relationship_carries_its_lists_and_evidence_as_objects()
    {
        using var dir = new TempDirectory();
        var recalls = (await ExportAsync(dir))[5];

        Assert.Equal(SampleGraph.DocumentId, recalls.GetProperty("end").GetString());
        Assert.Equal(3, recalls.GetProperty("count").GetInt32());
        Assert.Equal(["en", "zh"], Strings(recalls.GetProperty("languages")));
        Assert.Equal([Hostile.Chinese, Hostile.Breaks], Strings(recalls.GetProperty("surfaces")));
        Assert.Equal(["第96段", "para. 96; annex | I"], Strings(recalls.GetProperty("pinpoints")));
        var evidence = recalls.GetProperty("evidence").EnumerateArray().ToList();
        Assert.Equal(3, evidence.Count);
        Assert.All(evidence, e => Assert.Equal(JsonValueKind.Object, e.ValueKind));
        Assert.Equal(Hostile.Breaks, evidence[1].GetProperty("surface").GetString());
        Assert.Equal("seeds/A_RES_68_72 \"zh\";|.txt", evidence[1].GetProperty("file").GetString());
        Assert.Equal("operative", evidence[1].GetProperty("paragraph").GetProperty("part").GetString());
        Assert.Equal(3, evidence[1].GetProperty("footnote").GetInt32());
        Assert.Equal(2, evidence[1].GetProperty("page").GetInt32());
        Assert.False(evidence[0].TryGetProperty("page", out _));
        Assert.False(evidence[2].TryGetProperty("paragraph", out _));

        var structural = (await ExportAsync(dir))[4];
        Assert.Equal(0, structural.GetProperty("surfaces").GetArrayLength());
        Assert.Equal(0, structural.GetProperty("pinpoints").GetArrayLength());
    }

    [Fact]
    public async Task A_control_character_or_lone_surrogate_in_evidence_reads_back()
    {
        using var dir = new TempDirectory();
        var treaty = (await ExportAsync(dir))[6];

        string expected = Hostile.Expected(Hostile.Controls + " " + Hostile.LoneSurrogate);
        Assert.Equal([expected], Strings(treaty.GetProperty("surfaces")));
        Assert.Equal(expected, treaty.GetProperty("evidence")[0].GetProperty("surface").GetString());
        Assert.Equal(Hostile.Quotes, treaty.GetProperty("evidence")[0].GetProperty("pinpoint").GetString());
    }
}
