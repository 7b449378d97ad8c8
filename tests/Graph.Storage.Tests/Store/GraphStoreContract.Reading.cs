using Graph.Model;
using Graph.Storage.Tests.Support;

namespace Graph.Storage.Tests.Store;

/// <summary>Reading: the statistics, the node and edge lists and the per-node edges tell one story.</summary>
public abstract partial class GraphStoreContract
{
    [Fact]
    public async Task Statistics_count_the_nodes_and_edges_the_store_lists()
    {
        await using var store = await StoreWithAsync(Seeds.All);
        var dump = await GraphDump.ReadAsync(store, Token);

        var statistics = await store.StatisticsAsync(10, Token);

        Assert.Equal(5, statistics.Sources);
        Assert.Equal(
            dump.Nodes.GroupBy(n => n.Label).Select(g => $"{g.Key} {g.Count()} {g.Count(n => n.Ingested)}").Order(StringComparer.Ordinal),
            statistics.Nodes.Select(p => $"{p.Key} {p.Value.All} {p.Value.Ingested}").Order(StringComparer.Ordinal));
        Assert.Equal((24, 4), statistics.Nodes[NodeLabel.Resolution]);
        Assert.Equal((2, 0), statistics.Nodes[NodeLabel.Decision]);
        Assert.Equal((1, 0), statistics.Nodes[NodeLabel.Series]);
        Assert.Equal(
            dump.Edges.GroupBy(e => e.Type).Select(g => $"{g.Key} {g.Count()}").Order(StringComparer.Ordinal),
            statistics.Edges.Select(p => $"{p.Key} {p.Value}").Order(StringComparer.Ordinal));
        Assert.Equal(28, statistics.Edges["RECALLS"]);
        Assert.Equal(124, statistics.Edges.Values.Sum());
    }

    [Fact]
    public async Task The_most_cited_lists_count_distinct_citing_documents_most_first()
    {
        await using var store = await StoreWithAsync(Seeds.All);
        var dump = await GraphDump.ReadAsync(store, Token);
        var labels = dump.Nodes.ToDictionary(n => n.Id, n => n.Label, StringComparer.Ordinal);
        var citedBy = dump.Edges
            .Where(e => EdgeTypes.IsCitation(e.Type))
            .GroupBy(e => e.To, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.From).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);

        var all = await store.StatisticsAsync(1000, Token);
        var top = await store.StatisticsAsync(3, Token);

        // Nine treaties, of which two (ccw, geneva-conventions) are only the parents of cited protocols.
        Assert.Equal(7, all.MostCitedTreaties.Count);
        Assert.Equal(citedBy.Keys.Count(id => labels[id] == NodeLabel.Treaty), all.MostCitedTreaties.Count);
        Assert.Equal(citedBy.Keys.Count(id => labels[id] is NodeLabel.Resolution or NodeLabel.Decision or NodeLabel.Document), all.MostCitedDocuments.Count);
        foreach (var list in new[] { all.MostCitedTreaties, all.MostCitedDocuments, top.MostCitedTreaties, top.MostCitedDocuments })
        {
            Assert.All(list, c => Assert.Equal(citedBy[c.Id], c.CitedBy));
            Assert.All(list.Zip(list.Skip(1)), pair => Assert.True(pair.First.CitedBy >= pair.Second.CitedBy, $"{pair.First} before {pair.Second}"));
        }
        Assert.All(all.MostCitedTreaties, c => Assert.Equal(NodeLabel.Treaty, c.Label));
        Assert.Equal(["ccm 2", "crpd 2"], all.MostCitedTreaties.Take(2).Select(c => $"{c.Id} {c.CitedBy}").Order(StringComparer.Ordinal));
        Assert.Equal(("imas", 2), (all.MostCitedDocuments[0].Id, all.MostCitedDocuments[0].CitedBy));
        Assert.Equal("International Mine Action Standards", all.MostCitedDocuments[0].Name);
        Assert.Equal(3, top.MostCitedTreaties.Count);
        Assert.Equal(3, top.MostCitedDocuments.Count);
    }

    [Fact]
    public async Task Every_edge_joins_two_nodes_the_store_lists()
    {
        await using var store = await StoreWithAsync(Seeds.All);

        var dump = await GraphDump.ReadAsync(store, Token);

        var ids = dump.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(dump.Nodes.Count, ids.Count);
        Assert.All(dump.Edges, e => Assert.True(ids.Contains(e.From) && ids.Contains(e.To), $"{e.From} -{e.Type}-> {e.To} dangles"));
        Assert.All(dump.Edges, e => Assert.NotEmpty(e.Evidence));
        Assert.Equal(dump.Edges.Count, dump.Edges.Select(e => (e.From, e.Type, e.To)).Distinct().Count());
        Assert.Equal(
            [.. dump.Edges.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)],
            dump.Edges);
    }

    [Fact]
    public async Task Outgoing_and_incoming_edges_agree_with_the_edge_list()
    {
        await using var store = await StoreWithAsync(Seeds.All);
        var dump = await GraphDump.ReadAsync(store, Token);

        foreach (var node in dump.Nodes)
        {
            var outgoing = await store.OutgoingAsync(node.Id, Token);
            var incoming = await store.IncomingAsync(node.Id, Token);

            Assert.Equal(GraphDump.Write(dump.Edges.Where(e => e.From == node.Id)), GraphDump.Write(outgoing));
            Assert.Equal(GraphDump.Write(dump.Edges.Where(e => e.To == node.Id)), GraphDump.Write(incoming));
            Assert.Equal([.. outgoing.OrderBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)], outgoing);
            Assert.Equal([.. incoming.OrderBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.From, StringComparer.Ordinal)], incoming);
            var found = await store.FindNodeAsync(node.Id, Token);
            Assert.Equal(GraphProperties.ToJson(node.Properties), found is null ? null : GraphProperties.ToJson(found.Properties));
        }
    }
}
