using Graph.Export;

namespace Graph.Tests.Export;

public sealed class GraphExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Formats() => [.. GraphExport.Formats];

    [Fact]
    public void The_formats_are_cypher_neo4j_admin_graphml_and_jsonl()
    {
        Assert.Equal(["cypher", "neo4j-admin", "graphml", "jsonl"], GraphExport.Formats);
    }

    [Fact]
    public async Task An_unknown_format_is_refused_naming_it_and_the_valid_ones()
    {
        using var dir = new TempDirectory();
        var e = await Assert.ThrowsAsync<ArgumentException>(() => GraphExport.WriteAsync(SampleGraph.Store(), "GraphML ", dir.Path, Ct));

        Assert.Equal("format", e.ParamName);
        Assert.Contains("'GraphML '", e.Message, StringComparison.Ordinal);
        Assert.All(GraphExport.Formats, f => Assert.Contains(f, e.Message, StringComparison.Ordinal));
        Assert.False(Directory.Exists(dir.Path));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Every_format_creates_the_directory_reads_each_stream_once_and_skips_an_edge_to_a_missing_node(string format)
    {
        using var dir = new TempDirectory(Path.Combine("nested", "out"));
        var store = SampleGraph.Store();
        var result = await GraphExport.WriteAsync(store, format, dir.Path, Ct);

        Assert.Equal((1, 1), (store.NodeReads, store.EdgeReads));
        Assert.Equal((4, 3, 1), (result.Nodes, result.Edges, result.SkippedEdges));
        Assert.All(result.Files, f => Assert.True(File.Exists(f), f));
        // Nothing else is left behind: the node spool of the typed formats is deleted.
        Assert.Equal(result.Files.Order(StringComparer.Ordinal), Directory.GetFiles(dir.Path).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_empty_graph_exports_without_error(string format)
    {
        using var dir = new TempDirectory();
        var result = await GraphExport.WriteAsync(new ListedGraph([], []), format, dir.Path, Ct);

        Assert.Equal((0, 0, 0), (result.Nodes, result.Edges, result.SkippedEdges));
        Assert.All(result.Files, f => Assert.True(File.Exists(f), f));
    }

    [Theory]
    [InlineData("cypher", "RECALLS\n")]
    [InlineData("cypher", "RECALLS]->(b) DETACH DELETE b //")]
    [InlineData("neo4j-admin", "../RECALLS")]
    [InlineData("neo4j-admin", "recalls")]
    public async Task A_relationship_type_that_is_not_a_type_name_is_refused(string format, string type)
    {
        using var dir = new TempDirectory();
        var store = new ListedGraph(SampleGraph.Nodes, [SampleGraph.Recalls with { Type = type }]);

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => GraphExport.WriteAsync(store, format, dir.Path, Ct));
        Assert.Contains(type, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cypher", "title en")]
    [InlineData("neo4j-admin", "date:datetime")]
    [InlineData("graphml", "name")]
    [InlineData("cypher", "labels")]
    public async Task A_property_key_that_is_not_a_name_or_is_taken_is_refused(string format, string key)
    {
        using var dir = new TempDirectory();
        var node = SampleGraph.Ccm with { Properties = new Dictionary<string, object> { [key] = "x" } };

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => GraphExport.WriteAsync(new ListedGraph([node], []), format, dir.Path, Ct));
        Assert.Contains($"'{key}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_property_of_an_unsupported_type_is_refused(string format)
    {
        using var dir = new TempDirectory();
        var node = SampleGraph.Ccm with { Properties = new Dictionary<string, object> { ["year"] = 2008.5 } };

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => GraphExport.WriteAsync(new ListedGraph([node], []), format, dir.Path, Ct));
        Assert.Contains("Double", e.Message, StringComparison.Ordinal);
    }
}
