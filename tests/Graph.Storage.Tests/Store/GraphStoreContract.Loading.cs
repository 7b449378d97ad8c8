using Graph.Model;
using Graph.Queries;
using Graph.Storage.Tests.Support;

namespace Graph.Storage.Tests.Store;

/// <summary>Loading: idempotent, independent of order and batching, replacing exactly what a source said, all or nothing.</summary>
public abstract partial class GraphStoreContract
{
    private const string MineActionSeries = "series:assistance-in-mine-action";

    [Fact]
    public async Task Loading_the_same_documents_twice_leaves_the_graph_unchanged()
    {
        await using var store = await StoreWithAsync(Seeds.All);
        var once = await GraphDump.ReadAsync(store, Token);

        await store.LoadAsync(Seeds.All, Token);
        var twice = await GraphDump.ReadAsync(store, Token);
        foreach (var seed in Seeds.All)
        {
            await store.LoadAsync([seed], Token);
        }
        var thrice = await GraphDump.ReadAsync(store, Token);

        Assert.Equal(101, once.Nodes.Count);
        Assert.Equal(once.ToString(), twice.ToString());
        Assert.Equal(once.ToString(), thrice.ToString());
        Assert.Equal(5, (await store.StatisticsAsync(10, Token)).Sources);
    }

    [Fact]
    public async Task Neither_the_order_of_documents_nor_their_batching_changes_the_graph()
    {
        var reversed = Seeds.All.Reverse().ToList();

        var inOrder = await DumpAfterLoadingAsync(Seeds.All);
        var reversedOneBatch = await DumpAfterLoadingAsync(reversed);
        var reversedOneByOne = await DumpAfterLoadingAsync([.. reversed.Select(d => (IReadOnlyList<DocumentGraph>)[d])]);

        Assert.Equal(inOrder.ToString(), reversedOneBatch.ToString());
        Assert.Equal(inOrder.ToString(), reversedOneByOne.ToString());
    }

    [Fact]
    public async Task Series_are_derived_from_titles_whatever_the_load_order()
    {
        DocumentGraph zh68 = Seeds.Graph(Seeds.MineAction68Zh), en68 = Seeds.Graph(Seeds.MineAction68En), zh62 = Seeds.Graph(Seeds.MineAction62Zh);
        var dumps = new List<string>();
        foreach (var order in new IReadOnlyList<DocumentGraph>[][] { [[zh68, en68], [zh62]], [[zh62], [zh68, en68]], [[zh62], [en68], [zh68]] })
        {
            await using var store = await OpenStoreAsync();
            foreach (var batch in order.SkipLast(1))
            {
                await store.LoadAsync(batch, Token);
            }
            // Before the last batch no two loaded resolutions share a title in one language.
            Assert.DoesNotContain((await GraphDump.ReadAsync(store, Token)).Nodes, n => n.Label == NodeLabel.Series);
            await store.LoadAsync(order[^1], Token);

            var series = await store.FindNodeAsync(MineActionSeries, Token);
            Assert.NotNull(series);
            Assert.Equal((NodeLabel.Series, "Assistance in mine action"), (series.Label, series.Name));
            Assert.Equal(("Assistance in mine action", "协助地雷行动", 2L), (series.Text("title_en"), series.Text("title_zh"), series.Properties["members"]));
            Assert.Equal(
                ["A/RES/62/99", "A/RES/68/72"],
                (await store.IncomingAsync(MineActionSeries, Token)).Where(e => e.Type == EdgeTypes.InSeries).Select(e => e.From).Order(StringComparer.Ordinal));
            dumps.Add((await GraphDump.ReadAsync(store, Token)).ToString());
        }
        Assert.Equal(dumps[0], dumps[1]);
        Assert.Equal(dumps[0], dumps[2]);
    }

    [Fact]
    public async Task A_corrected_text_removes_the_evidence_it_no_longer_states_and_nothing_else()
    {
        using var folder = new TempFolder();
        var copies = Seeds.Names.ToDictionary(name => name, name => folder.Write(name, Seeds.Text(name)), StringComparer.Ordinal);
        await using var store = await StoreWithAsync([.. copies.Values.Select(Documents.FromFile)]);
        var before = await GraphDump.ReadAsync(store, Token);

        string corrected = folder.Write(Seeds.MineAction68En, Blank(Seeds.Text(Seeds.MineAction68En), "resolution 66/69 of 9 December 2011"));
        await store.LoadAsync([Documents.FromFile(corrected)], Token);
        var after = await GraphDump.ReadAsync(store, Token);

        var expected = before.Without(evidence: (edge, e) => edge is { Type: "RECALLS", To: "A/RES/66/69" } && e.Source == "A/RES/68/72@en");
        Assert.NotEqual(before.ToString(), expected.ToString());
        Assert.Equal(expected.ToString(), after.ToString());
        var edge = Assert.Single(after.Edges, e => e.To == "A/RES/66/69");
        Assert.Equal(["zh"], edge.Languages);
    }

    [Fact]
    public async Task A_stub_that_nothing_cites_any_more_disappears_with_its_edges()
    {
        using var folder = new TempFolder();
        var copies = Seeds.Names.ToDictionary(name => name, name => folder.Write(name, Seeds.Text(name)), StringComparer.Ordinal);
        await using var store = await StoreWithAsync([.. copies.Values.Select(Documents.FromFile)]);
        var before = await GraphDump.ReadAsync(store, Token);

        string en = folder.Write(Seeds.MineAction68En, Blank(Seeds.Text(Seeds.MineAction68En), "resolution 66/69 of 9 December 2011"));
        string zh = folder.Write(Seeds.MineAction68Zh, Blank(Seeds.Text(Seeds.MineAction68Zh), "2011年 12月 9日第 66/69号决议"));
        await store.LoadAsync([Documents.FromFile(en), Documents.FromFile(zh)], Token);
        var after = await GraphDump.ReadAsync(store, Token);

        Assert.Contains(before.Nodes, n => n.Id == "A/RES/66/69");
        Assert.Null(await store.FindNodeAsync("A/RES/66/69", Token));
        Assert.Equal(before.Without(node: n => n.Id == "A/RES/66/69", evidence: (edge, _) => edge.To == "A/RES/66/69").ToString(), after.ToString());
        var precedents = await Precedents.FindAsync(store, "A/RES/68/72", cancellationToken: Token);
        Assert.Equal(["A/RES/62/99"], precedents?.Select(p => p.Node.Id));
    }

    [Fact]
    public async Task The_same_document_and_language_from_another_path_replaces_the_earlier_load()
    {
        using var folder = new TempFolder();
        var copy = Documents.FromFile(folder.Write("elsewhere/68-72-en.txt", Seeds.Text(Seeds.MineAction68En)));

        var reloaded = await DumpAfterLoadingAsync(Seeds.All, [copy]);
        var onlyCopy = await DumpAfterLoadingAsync([.. Seeds.All.Select(d => d.Source == copy.Source ? copy : d)]);

        Assert.Equal(onlyCopy.ToString(), reloaded.ToString());
        var node = Assert.Single(reloaded.Nodes, n => n.Id == "A/RES/68/72");
        Assert.Equal(new[] { Seeds.Path(Seeds.MineAction68Zh), copy.File }.Order(StringComparer.Ordinal), List(node, "files"));
        Assert.DoesNotContain(Seeds.Path(Seeds.MineAction68En), reloaded.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_now_holds_another_document_replaces_what_it_held_before()
    {
        using var folder = new TempFolder();
        string file = folder.Path("draft.txt");
        var first = Documents.FromText(ResolutionText.English("70/5", "Testing the store", "Recalling its resolution 64/84 of 10 December 2009,"), file);
        var second = Documents.FromText(ResolutionText.English("70/6", "Testing the store again", "Recalling its resolution 65/10 of 1 December 2010,"), file);

        var replaced = await DumpAfterLoadingAsync([Seeds.Graph(Seeds.MineAction62Zh)], [first], [second]);
        var onlySecond = await DumpAfterLoadingAsync([Seeds.Graph(Seeds.MineAction62Zh)], [second]);

        Assert.DoesNotContain(replaced.Nodes, n => n.Id is "A/RES/70/5" or "A/RES/64/84");
        Assert.Contains(replaced.Nodes, n => n is { Id: "A/RES/70/6", Ingested: true });
        Assert.Equal(onlySecond.ToString(), replaced.ToString());
    }

    /// <remarks>
    /// <see cref="GraphProperties"/> writes strings, integers, booleans and lists of strings only, and throws
    /// <see cref="ArgumentException"/> for anything else: a double is an argument no store may write, not a failure
    /// of the store (those are <see cref="GraphStoreException"/>, tested with each store). Either way the batch is
    /// rolled back whole.
    /// </remarks>
    [Fact]
    public async Task A_batch_with_an_unsupported_property_value_is_refused_whole()
    {
        await using var store = await StoreWithAsync([Seeds.Graph(Seeds.MineAction62Zh)]);
        var before = await GraphDump.ReadAsync(store, Token);
        var good = Seeds.Graph(Seeds.MineAction68Zh);
        var bad = Seeds.Graph(Seeds.ClusterMunitions75Zh);
        bad = bad with
        {
            Nodes = [.. bad.Nodes.Select(c => c.Own ? c with { Properties = new Dictionary<string, object>(c.Properties) { ["weight"] = 0.5 } } : c)],
        };

        await Assert.ThrowsAsync<ArgumentException>(() => store.LoadAsync([good, bad], Token));

        Assert.Equal(before.ToString(), (await GraphDump.ReadAsync(store, Token)).ToString());
        Assert.Null(await store.FindNodeAsync("A/RES/68/72", Token));
        await store.LoadAsync([good, Seeds.Graph(Seeds.ClusterMunitions75Zh)], Token);
        Assert.True((await store.FindNodeAsync("A/RES/75/62", Token))?.Ingested);
    }

    /// <summary>The text with one occurrence of <paramref name="words"/> blanked out, every other offset kept.</summary>
    private static string Blank(string text, string words)
    {
        int at = text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.LastIndexOf(words, StringComparison.Ordinal) == at, $"'{words}' stands once in the text");
        return string.Concat(text.AsSpan(0, at), new string(' ', words.Length), text.AsSpan(at + words.Length));
    }
}
