using System.Text.Json;
using System.Xml.Linq;
using Graph.Export;

namespace Graph.Tests.Export;

public sealed class GraphMlWriterTests
{
    private static readonly XNamespace G = "http://graphml.graphdrawing.org/xmlns";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The exported file, loaded by a conforming XML parser (which refuses characters XML cannot hold).</summary>
    private static async Task<XDocument> ExportAsync(TempDirectory dir)
    {
        var result = await GraphExport.WriteAsync(SampleGraph.Store(), "graphml", dir.Path, Ct);
        Assert.Equal([dir.File("graph.graphml")], result.Files);
        Assert.Equal((4, 3, 1), (result.Nodes, result.Edges, result.SkippedEdges));
        return XDocument.Load(dir.File("graph.graphml"), LoadOptions.PreserveWhitespace);
    }

    /// <summary>An element's data values by attribute name, resolved through the document's key declarations.</summary>
    private static Dictionary<string, string> Data(XDocument doc, XElement element)
    {
        var names = doc.Root!.Elements(G + "key").ToDictionary(k => (string)k.Attribute("id")!, k => (string)k.Attribute("attr.name")!);
        return element.Elements(G + "data").ToDictionary(d => names[(string)d.Attribute("key")!], d => d.Value);
    }

    private static XElement Node(XDocument doc, string id) =>
        Assert.Single(doc.Descendants(G + "node"), n => (string)n.Attribute("id")! == id);

    [Fact]
    public async Task The_file_is_a_directed_graphml_graph_with_a_typed_key_for_every_attribute()
    {
        using var dir = new TempDirectory();
        var doc = await ExportAsync(dir);

        Assert.Equal(G + "graphml", doc.Root!.Name);
        var graph = Assert.Single(doc.Root.Elements(G + "graph"));
        Assert.Equal("directed", (string)graph.Attribute("edgedefault")!);
        var keys = doc.Root.Elements(G + "key")
            .Select(k => ((string)k.Attribute("for")!, (string)k.Attribute("attr.name")!, (string)k.Attribute("attr.type")!))
            .ToHashSet();
        Assert.Equal(
            new HashSet<(string, string, string)>
            {
                ("node", "labels", "string"), ("node", "id", "string"), ("node", "name", "string"), ("node", "ingested", "boolean"),
                ("node", "adopted", "boolean"), ("node", "date", "string"), ("node", "files", "string"), ("node", "languages", "string"),
                ("node", "note", "string"), ("node", "number", "long"), ("node", "protocol", "boolean"), ("node", "title_en", "string"),
                ("node", "title_zh", "string"), ("node", "url", "string"), ("node", "year", "long"),
                ("edge", "label", "string"), ("edge", "count", "long"), ("edge", "languages", "string"), ("edge", "surfaces", "string"),
                ("edge", "pinpoints", "string"), ("edge", "evidence", "string"),
            },
            keys);
        // Keys precede the graph, as the GraphML schema requires and Gephi expects.
        Assert.All(graph.ElementsBeforeSelf(), e => Assert.Equal(G + "key", e.Name));
        Assert.Equal(4, graph.Elements(G + "node").Count());
        Assert.Equal(3, graph.Elements(G + "edge").Count());
    }

    [Fact]
    public async Task Hostile_text_round_trips_through_xml_and_what_xml_cannot_hold_becomes_a_replacement_character()
    {
        using var dir = new TempDirectory();
        var doc = await ExportAsync(dir);

        var resolution = Data(doc, Node(doc, "A/RES/68/72"));
        Assert.Equal(":Resolution", resolution["labels"]);
        Assert.Equal("A/RES/68/72", resolution["id"]);
        Assert.Equal(Hostile.Quotes, resolution["name"]);
        Assert.Equal("true", resolution["ingested"]);
        Assert.Equal("72", resolution["number"]);
        // Carriage returns survive: the writer entitizes them, so the parser does not fold them into line feeds.
        Assert.Equal(Hostile.Breaks + " " + Hostile.Markup, resolution["title_en"]);
        Assert.Equal(Hostile.Chinese, resolution["title_zh"]);
        Assert.Equal(Hostile.ExpectedInXml(Hostile.EscapesAsText + " " + Hostile.Astral + " " + Hostile.LoneSurrogate), resolution["note"]);
        Assert.Equal(Hostile.ExpectedInXml(string.Join("; ", SampleGraph.Files)), resolution["files"]);
        Assert.Contains('\uFFFD', resolution["files"]);

        var document = Data(doc, Node(doc, SampleGraph.DocumentId));
        Assert.Equal(SampleGraph.DocumentId, document["id"]);
        Assert.Equal(Hostile.Markup, document["name"]);
        Assert.Equal("false", document["ingested"]);
        Assert.Equal("en; zh", document["languages"]);
        Assert.False(document.ContainsKey("number"));

        Assert.Equal(Hostile.ExpectedInXml(Hostile.Controls), Data(doc, Node(doc, "ccw-p5"))["name"]);
    }

    [Fact]
    public async Task Edges_carry_their_type_counts_lists_and_one_evidence_json_per_line()
    {
        using var dir = new TempDirectory();
        var doc = await ExportAsync(dir);

        var edge = Assert.Single(doc.Descendants(G + "edge"), e => (string)e.Attribute("target")! == SampleGraph.DocumentId);
        Assert.Equal("A/RES/68/72", (string)edge.Attribute("source")!);
        var data = Data(doc, edge);
        Assert.Equal("RECALLS", data["label"]);
        Assert.Equal("3", data["count"]);
        Assert.Equal("en; zh", data["languages"]);
        Assert.Equal(Hostile.Chinese + "; " + Hostile.Breaks, data["surfaces"]);
        Assert.Equal("第96段; para. 96; annex | I", data["pinpoints"]);
        var evidence = data["evidence"].Split('\n').Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["zh", "en", "en"], evidence.Select(e => e.GetProperty("language").GetString()));
        Assert.Equal(Hostile.Breaks, evidence[1].GetProperty("surface").GetString());
        Assert.Equal(2, evidence[1].GetProperty("page").GetInt32());
        Assert.False(evidence[0].TryGetProperty("page", out _));

        var structural = Data(doc, Assert.Single(doc.Descendants(G + "edge"), e => (string)e.Attribute("target")! == "ccw-p5"));
        Assert.Equal(("OF_COMMITTEE", "", ""), (structural["label"], structural["surfaces"], structural["pinpoints"]));

        Assert.DoesNotContain(doc.Descendants(G + "edge"), e => (string)e.Attribute("target")! == SampleGraph.MissingId);
    }
}
