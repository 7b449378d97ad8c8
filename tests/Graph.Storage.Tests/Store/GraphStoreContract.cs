using Graph.Model;
using Graph.Queries;
using Graph.Storage.Tests.Support;
using Graph.Store;

namespace Graph.Storage.Tests.Store;

/// <summary>
/// What every graph store must do (<see cref="IGraphStore"/>, README "The graph"), run against a real store by each
/// subclass. The inputs are the seeds and small hand-written resolutions, extracted and built as <c>graph build</c>
/// does; the tests load them and read back through the interface only, so nothing here knows how a store keeps
/// its data. The tests are split by topic over the files <c>GraphStoreContract.*.cs</c>.
/// </summary>
public abstract partial class GraphStoreContract
{
    private const string Joint = "A/55/985-S/2001/574";

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// A new, empty store. A test may open several, one after the other: it disposes each before it opens the
    /// next, so an implementation may hand out one database emptied each time.
    /// </summary>
    protected abstract Task<IGraphStore> OpenStoreAsync();

    [Fact]
    public async Task An_empty_store_holds_nothing_and_finds_nothing()
    {
        await using var store = await OpenStoreAsync();
        await store.LoadAsync([], Token);

        var dump = await GraphDump.ReadAsync(store, Token);
        var statistics = await store.StatisticsAsync(10, Token);

        Assert.Empty(dump.Nodes);
        Assert.Empty(dump.Edges);
        Assert.Null(await store.FindNodeAsync("A/RES/68/72", Token));
        Assert.Empty(await store.OutgoingAsync("A/RES/68/72", Token));
        Assert.Empty(await store.IncomingAsync("A/RES/68/72", Token));
        Assert.Null(await Precedents.FindAsync(store, "A/RES/68/72", cancellationToken: Token));
        Assert.Equal(0, statistics.Sources);
        Assert.Empty(statistics.Nodes);
        Assert.Empty(statistics.Edges);
        Assert.Empty(statistics.MostCitedTreaties);
        Assert.Empty(statistics.MostCitedDocuments);
    }

    [Fact]
    public async Task The_Chinese_and_English_texts_of_a_resolution_are_one_node_with_both_titles_files_and_links()
    {
        await using var store = await OpenStoreAsync();
        await store.LoadAsync([Seeds.Graph(Seeds.MineAction68Zh), Seeds.Graph(Seeds.MineAction68En)], Token);

        var node = await store.FindNodeAsync("A/RES/68/72", Token);

        Assert.NotNull(node);
        Assert.Equal(("A/RES/68/72", NodeLabel.Resolution, "A/RES/68/72", true), (node.Id, node.Label, node.Name, node.Ingested));
        Assert.Equal("Assistance in mine action", node.Text("title_en"));
        Assert.Equal("协助地雷行动", node.Text("title_zh"));
        Assert.Equal("https://undocs.org/A/RES/68/72", node.Text("url"));
        Assert.Equal("https://undocs.org/en/A/RES/68/72", node.Text("url_en"));
        Assert.Equal("https://undocs.org/zh/A/RES/68/72", node.Text("url_zh"));
        Assert.Equal(["en", "zh"], List(node, "languages"));
        Assert.Equal([Seeds.Path(Seeds.MineAction68Zh), Seeds.Path(Seeds.MineAction68En)], List(node, "files"));
        Assert.Equal("2013-12-11", node.Text("date"));
        Assert.Equal("A/68", node.Text("session"));
        var dump = await GraphDump.ReadAsync(store, Token);
        Assert.Single(dump.Nodes, n => n.Id.Contains("68/72", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_citation_stated_in_both_languages_is_one_edge_with_evidence_from_each()
    {
        await using var store = await OpenStoreAsync();
        await store.LoadAsync([Seeds.Graph(Seeds.MineAction68Zh), Seeds.Graph(Seeds.MineAction68En)], Token);

        var edges = (await GraphDump.ReadAsync(store, Token)).Edges.Where(e => e.To == "A/RES/66/69").ToList();

        var edge = Assert.Single(edges);
        Assert.Equal(("A/RES/68/72", "RECALLS"), (edge.From, edge.Type));
        Assert.Equal(["en", "zh"], edge.Languages);
        Assert.Equal(
            [
                Recalling66_69("en", Seeds.MineAction68En, "resolution 66/69 of 9 December 2011", 72),
                Recalling66_69("zh", Seeds.MineAction68Zh, "2011年 12月 9日第 66/69号决议", 105),
            ],
            edge.Evidence.OrderBy(e => e.Language, StringComparer.Ordinal));
        Assert.Equal(GraphDump.Write([edge]), GraphDump.Write(await store.IncomingAsync("A/RES/66/69", Token)));
    }

    [Fact]
    public async Task A_document_cited_but_not_loaded_is_a_stub_until_its_own_text_arrives()
    {
        using var folder = new TempFolder();
        await using var store = await OpenStoreAsync();
        await store.LoadAsync([Seeds.Graph(Seeds.MineAction68Zh), Seeds.Graph(Seeds.MineAction68En)], Token);

        var stub = await store.FindNodeAsync("A/RES/66/69", Token);

        Assert.NotNull(stub);
        Assert.Equal((NodeLabel.Resolution, "A/RES/66/69", false), (stub.Label, stub.Name, stub.Ingested));
        Assert.Equal("2011-12-09", stub.Text("date"));
        Assert.Null(stub.Text("title_en"));
        Assert.False(stub.Properties.ContainsKey("languages"));

        string own = folder.Write("66-69-en.txt", ResolutionText.English(
            "66/69", "Assistance in mine action", "Recalling its resolution 64/84 of 10 December 2009,"));
        await store.LoadAsync([Documents.FromFile(own)], Token);
        var node = await store.FindNodeAsync("A/RES/66/69", Token);

        Assert.NotNull(node);
        Assert.True(node.Ingested);
        Assert.Equal("Assistance in mine action", node.Text("title_en"));
        Assert.Equal("2011-12-09", node.Text("date"));
        Assert.Equal(["en"], List(node, "languages"));
        Assert.Equal([own], List(node, "files"));
        var incoming = Assert.Single(await store.IncomingAsync("A/RES/66/69", Token), e => e.Type == "RECALLS");
        Assert.Equal("A/RES/68/72", incoming.From);
        Assert.Equal(["en", "zh"], incoming.Languages);
        Assert.Contains(await store.OutgoingAsync("A/RES/66/69", Token), e => e is { Type: "RECALLS", To: "A/RES/64/84" });
        var cited = await store.FindNodeAsync("A/RES/64/84", Token);
        Assert.False(cited?.Ingested);
    }

    [Fact]
    public async Task Each_part_of_a_joint_symbol_finds_the_joint_document()
    {
        using var folder = new TempFolder();
        await using var store = await OpenStoreAsync();
        await store.LoadAsync([Documents.FromFile(folder.Write("70-5.txt", ResolutionText.English(
            "70/5", "Testing the store", $"Recalling the report of the Secretary-General ({Joint}),")))], Token);

        foreach (string id in new[] { Joint, "A/55/985", "S/2001/574" })
        {
            var node = await store.FindNodeAsync(id, Token);
            Assert.True(node is { Id: Joint, Label: NodeLabel.Document, Ingested: false }, $"{id} finds {node?.Id ?? "nothing"}");
        }
        Assert.Null(await store.FindNodeAsync("S/2001/57", Token));
        var dump = await GraphDump.ReadAsync(store, Token);
        Assert.DoesNotContain(dump.Nodes, n => n.Id is "A/55/985" or "S/2001/574");
        Assert.Single(dump.Edges, e => e is { From: "A/RES/70/5", Type: "RECALLS", To: Joint });
    }

    [Fact]
    public async Task A_later_citation_of_one_part_alone_joins_the_joint_document()
    {
        using var folder = new TempFolder();
        await using var store = await OpenStoreAsync();
        await store.LoadAsync([Documents.FromFile(folder.Write("70-5.txt", ResolutionText.English(
            "70/5", "Testing the store", $"Recalling the report of the Secretary-General ({Joint}),")))], Token);
        await store.LoadAsync([Documents.FromFile(folder.Write("70-6.txt", ResolutionText.English(
            "70/6", "Testing the store again", "1. Takes note of the report of the Secretary-General (S/2001/574);")))], Token);

        var dump = await GraphDump.ReadAsync(store, Token);

        Assert.DoesNotContain(dump.Nodes, n => n.Id is "A/55/985" or "S/2001/574");
        Assert.Single(dump.Nodes, n => n.Id == Joint);
        Assert.Equal(
            [$"A/RES/70/5 -RECALLS-> {Joint}", $"A/RES/70/6 -TAKES_NOTE_OF-> {Joint}"],
            (await store.IncomingAsync(Joint, Token)).Select(e => $"{e.From} -{e.Type}-> {e.To}").Order(StringComparer.Ordinal));
        Assert.Equal(Joint, (await store.FindNodeAsync("S/2001/574", Token))?.Id);
    }

    [Fact]
    public async Task A_citation_of_one_part_joins_the_joint_document_whichever_is_loaded_first()
    {
        using var folder = new TempFolder();
        var joint = Documents.FromFile(folder.Write("70-5.txt", ResolutionText.English(
            "70/5", "Testing the store", $"Recalling the report of the Secretary-General ({Joint}),")));
        var part = Documents.FromFile(folder.Write("70-6.txt", ResolutionText.English(
            "70/6", "Testing the store again", "1. Takes note of the report of the Secretary-General (S/2001/574);")));

        var jointFirst = await DumpAfterLoadingAsync([joint], [part]);
        var partFirst = await DumpAfterLoadingAsync([part], [joint]);

        Assert.DoesNotContain(partFirst.Nodes, n => n.Id is "A/55/985" or "S/2001/574");
        Assert.Equal(jointFirst.ToString(), partFirst.ToString());
    }

    /// <summary>How each language version of A/RES/68/72 states, in its first preambular paragraph, that it recalls 66/69.</summary>
    private static Evidence Recalling66_69(string language, string seed, string surface, int offset) => new()
    {
        Source = "A/RES/68/72@" + language,
        Language = language,
        File = Seeds.Path(seed),
        Surface = surface,
        Offset = offset,
        Length = surface.Length,
        Paragraph = new Paragraph("preamble", 1),
        Date = "2011-12-09",
    };

    /// <summary>Opens a new store, loads each batch in turn, reads the whole graph and disposes the store.</summary>
    private async Task<GraphDump> DumpAfterLoadingAsync(params IReadOnlyList<DocumentGraph>[] batches)
    {
        await using var store = await OpenStoreAsync();
        foreach (var batch in batches)
        {
            await store.LoadAsync(batch, Token);
        }
        return await GraphDump.ReadAsync(store, Token);
    }

    /// <summary>Opens a new store with the batches loaded; the caller disposes it.</summary>
    private async Task<IGraphStore> StoreWithAsync(params IReadOnlyList<DocumentGraph>[] batches)
    {
        var store = await OpenStoreAsync();
        try
        {
            foreach (var batch in batches)
            {
                await store.LoadAsync(batch, Token);
            }
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    private static IEnumerable<string> List(GraphNode node, string key) =>
        Assert.IsType<IEnumerable<string>>(node.Properties[key], exactMatch: false);
}
