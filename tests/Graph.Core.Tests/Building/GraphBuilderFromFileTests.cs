using System.Text;
using Graph.Building;
using Graph.Tests.Support;

namespace Graph.Tests.Building;

/// <summary>A document file's bytes to its graph, the one way <c>graph build</c> and the worker read a file.</summary>
public sealed class GraphBuilderFromFileTests
{
    [Fact]
    public void A_seed_becomes_its_graph_stamped_with_the_hash_given()
    {
        byte[] bytes = File.ReadAllBytes(Repository.Path("seeds", "002_1bb7a33e0cfe5e8b.txt"));
        string hash = GraphBuilder.ContentHash(bytes);

        var graph = GraphBuilder.FromFile(bytes, "seeds/002_1bb7a33e0cfe5e8b.txt", hash, out string? error);

        Assert.Null(error);
        Assert.NotNull(graph);
        Assert.Equal(("A/RES/68/72@en", "seeds/002_1bb7a33e0cfe5e8b.txt", hash), (graph.Source, graph.File, graph.ContentHash));
        Assert.Equal(64, hash.Length);
    }

    [Fact]
    public void Bytes_that_are_not_text_give_no_graph_and_the_decoders_reason()
    {
        var graph = GraphBuilder.FromFile([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF], "a.txt", "h", out string? error);

        Assert.Null(graph);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void A_text_without_a_UN_symbol_of_its_own_gives_no_graph_and_says_so()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("Minutes of a meeting of the staff committee.\nNothing to cite.\n");

        var graph = GraphBuilder.FromFile(bytes, "memo.txt", "h", out string? error);

        Assert.Null(graph);
        Assert.Contains("symbol", error, StringComparison.OrdinalIgnoreCase);
    }
}
