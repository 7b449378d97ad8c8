using System.Globalization;
using System.Text;
using Graph.Building;
using Graph.Model;
using Graph.Storage.Sqlite;
using Graph.Storage.Tests.Support;
using static Graph.Storage.Tests.Support.SqliteFile;
using Microsoft.Data.Sqlite;

namespace Graph.Storage.Tests.Sqlite;

/// <summary>
/// What the embedded store keeps up to date batch by batch instead of deriving it again from the whole graph: each
/// node merged from its distinct claims (<c>node_shapes</c>), and the series from their sums per title. After every
/// batch of loads, reloads, corrections, moves and replaced files, both must be exactly what deriving them from
/// everything stored gives: every node the merge of all the claims on it (<see cref="NodeMerger"/>), and the series
/// what <see cref="SeriesIndex.Find"/> gives over every ingested resolution.
/// </summary>
public sealed class SqliteDerivedStateTests : IDisposable
{
    private static readonly string[] EnglishTitles =
        ["Assistance in mine action", "Assistance in Mine Action.", "Oceans and the law of the sea", "The law of the sea", "Rights of the child"];

    private static readonly string[] ChineseTitles = ["协助地雷行动", "海洋和海洋法", "儿童权利", "海洋法"];

    private readonly TempFolder folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    /// <remarks>
    /// Forty resolutions, each in English, Chinese or both, with titles drawn from a few that fold alike or not, so
    /// that series form, grow, join through a resolution loaded in both languages, change their majority title and
    /// id, split and vanish as titles are corrected, files are moved and files come to hold other documents.
    /// </remarks>
    [Fact]
    public async Task Nodes_and_series_kept_batch_by_batch_are_what_deriving_them_from_everything_stored_gives()
    {
        string path = folder.Path("graph.db");
        var random = new Random(1325);
        var latest = new Dictionary<string, DocumentGraph>(StringComparer.Ordinal);
        var operations = new HashSet<string>(StringComparer.Ordinal);
        var seriesSeen = new List<HashSet<string>>();
        await using (var store = SqliteGraphStore.Open(path))
        {
            for (int step = 0; step < 40; step++)
            {
                var batch = new List<DocumentGraph>();
                for (int k = random.Next(1, 7); k > 0; k--)
                {
                    int number = random.Next(1, 41);
                    string language = random.Next(3) == 0 ? "en" : "zh";
                    string file = $"docs/{number}-{language}.txt";
                    string operation = "load";
                    switch (random.Next(6))
                    {
                        case 0:
                            operation = "move";
                            file = $"moved/{step}/{number}-{language}.txt";
                            break;
                        case 1 when latest.Count > 0:
                            // The file of another document now holds this one.
                            operation = "replace file";
                            file = latest.Values.ElementAt(random.Next(latest.Count)).File;
                            break;
                    }
                    var document = Resolution(number, language, Pick(random, language == "en" ? EnglishTitles : ChineseTitles), file);
                    foreach (var gone in latest.Values.Where(d => d.File == document.File).ToList())
                    {
                        latest.Remove(gone.Source);
                    }
                    latest[document.Source] = document;
                    batch.Add(document);
                    operations.Add(operation);
                }
                await store.LoadAsync(batch, Token);

                AssertNodesAreTheMergeOfTheirClaims(path, $"after batch {step}");
                var dump = await GraphDump.ReadAsync(store, Token);
                AssertSeriesAreDerivedFromEverything(dump, latest.Values, $"after batch {step}");
                seriesSeen.Add([.. dump.Nodes.Where(n => n.Label == NodeLabel.Series).Select(n => n.Id)]);
            }
        }
        Assert.Equal(["load", "move", "replace file"], operations.Order(StringComparer.Ordinal));
        // The scenario went through what it is meant to: several series at once, and series that went away again
        // (joined to another under a new id, or left with one member).
        Assert.True(seriesSeen.Max(s => s.Count) >= 2, "never two series at once");
        Assert.True(seriesSeen.Zip(seriesSeen.Skip(1)).Count(p => p.First.Except(p.Second).Any()) >= 2, "series hardly ever went away");

        // And what is left is what loading only the documents now stored gives.
        string fresh = folder.Path("fresh.db");
        await using var once = SqliteGraphStore.Open(fresh);
        await using var kept = SqliteGraphStore.Open(path);
        await once.LoadAsync([.. latest.Values], Token);
        Assert.Equal((await GraphDump.ReadAsync(once, Token)).ToString(), (await GraphDump.ReadAsync(kept, Token)).ToString());
    }

    /// <remarks>Generated copies of the seeds share three titles, so one series gains a member with almost every document.</remarks>
    [Fact]
    public async Task Nodes_and_series_of_a_generated_corpus_loaded_in_uneven_batches_are_what_deriving_them_gives()
    {
        string path = folder.Path("graph.db");
        var corpus = new CorpusGenerator(7);
        var documents = Enumerable.Range(0, 150)
            .Select(i => Documents.FromText(corpus.Document(i), folder.Path(corpus.FileName(i))))
            .ToList();
        await using var store = SqliteGraphStore.Open(path);

        foreach (var batch in documents.Chunk(37))
        {
            await store.LoadAsync(batch, Token);
        }

        AssertNodesAreTheMergeOfTheirClaims(path, "after loading");
        var dump = await GraphDump.ReadAsync(store, Token);
        AssertSeriesAreDerivedFromEverything(dump, documents, "after loading");
        Assert.Contains(dump.Nodes, n => n.Label == NodeLabel.Series && (long)n.Properties["members"] > 50);
    }

    /// <remarks>
    /// Triggers count every row written to the graph's tables by the store's own connection: loading the same
    /// documents again must write only their journal rows (the time of loading), so it costs reads, not writes.
    /// </remarks>
    [Fact]
    public async Task Loading_the_same_documents_again_writes_nothing_but_their_journal_rows()
    {
        string path = folder.Path("graph.db");
        await using var store = SqliteGraphStore.Open(path);
        await store.LoadAsync(Seeds.All, Token);
        var before = (await GraphDump.ReadAsync(store, Token)).ToString();
        var tables = new[] { "claims", "node_shapes", "evidence", "nodes", "aliases", "series_members", "series_titles", "series_keys", "series_links" };
        var triggers = new StringBuilder("CREATE TABLE writes (tab TEXT NOT NULL);");
        foreach (string table in tables)
        {
            foreach (string change in new[] { "INSERT", "UPDATE", "DELETE" })
            {
                triggers.Append(CultureInfo.InvariantCulture, $"CREATE TRIGGER count_{change}_{table} AFTER {change} ON {table} BEGIN INSERT INTO writes (tab) VALUES ('{table}'); END;");
            }
        }
        Execute(path, triggers.ToString());

        await store.LoadAsync(Seeds.All, Token);
        foreach (var seed in Seeds.All)
        {
            await store.LoadAsync([seed], Token);
        }

        Assert.Equal("", Scalar(path, "SELECT coalesce(group_concat(tab, ' '), '') FROM writes"));
        Assert.Equal(before, (await GraphDump.ReadAsync(store, Token)).ToString());
    }

    /// <summary>
    /// Every node in <c>nodes</c> is <see cref="NodeMerger.Merge"/> of all the claims on it, every node claimed is
    /// there, and <c>node_shapes</c> is exactly the claims grouped by what they say.
    /// </summary>
    private static void AssertNodesAreTheMergeOfTheirClaims(string path, string when)
    {
        using var connection = Connect(path);
        var claims = new Dictionary<string, List<(string, NodeClaim)>>(StringComparer.Ordinal);
        foreach (var row in Rows(connection, "SELECT node, source, label, own, properties FROM claims"))
        {
            string node = (string)row[0]!;
            if (!claims.TryGetValue(node, out var list))
            {
                claims[node] = list = [];
            }
            list.Add(((string)row[1]!, new NodeClaim(node, NodeLabels.Parse((string)row[2]!)!.Value, (long)row[3]! != 0, GraphProperties.FromJson((string)row[4]!))));
        }
        var expected = claims
            .Select(c => NodeMerger.Merge(c.Key, c.Value)!)
            .OrderBy(n => n.Id, StringComparer.Ordinal)
            .Select(n => $"{n.Id} {n.Label} {n.Name} {n.Ingested} {GraphProperties.ToJson(n.Properties)}");
        var stored = Rows(connection, "SELECT id, label, name, ingested, properties FROM nodes ORDER BY id")
            .Select(r => $"{r[0]} {r[1]} {r[2]} {(long)r[3]! != 0} {GraphProperties.ToJson(GraphProperties.FromJson((string)r[4]!))}");
        Assert.True(expected.SequenceEqual(stored), $"{when}: the nodes are not the merge of their claims");

        var shapes = Rows(connection, "SELECT node, own, label, properties, first_source, claims FROM node_shapes ORDER BY 1, 2, 3, 4").Select(Line);
        var grouped = Rows(connection, "SELECT node, own, label, properties, min(source), count(*) FROM claims GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4").Select(Line);
        Assert.True(grouped.SequenceEqual(shapes), $"{when}: node_shapes does not count the claims");
    }

    /// <summary>
    /// The Series nodes and IN_SERIES edges are what <see cref="SeriesIndex.Find"/> gives over the ingested
    /// resolutions, each member's evidence holding its title in each language and the file that language version
    /// was loaded from (as <paramref name="loaded"/>, the documents stored, says).
    /// </summary>
    private static void AssertSeriesAreDerivedFromEverything(GraphDump dump, IEnumerable<DocumentGraph> loaded, string when)
    {
        var files = loaded.ToDictionary(d => d.Source, d => d.File, StringComparer.Ordinal);
        var members = dump.Nodes
            .Where(n => n is { Label: NodeLabel.Resolution, Ingested: true })
            .Select(n => (n.Id, Titles: (IReadOnlyDictionary<string, string>)n.Properties
                .Where(p => p.Key.StartsWith("title_", StringComparison.Ordinal) && p.Value is string)
                .ToDictionary(p => p.Key["title_".Length..], p => (string)p.Value, StringComparer.Ordinal)))
            .ToList();
        var series = SeriesIndex.Find(members);
        var titles = members.ToDictionary(m => m.Id, m => m.Titles, StringComparer.Ordinal);

        var expectedNodes = series.Select(s => $"{s.Id} {GraphProperties.ToJson(SeriesIndex.Properties(s.Titles, s.Members.Count))}");
        var storedNodes = dump.Nodes.Where(n => n.Label == NodeLabel.Series).Select(n => $"{n.Id} {GraphProperties.ToJson(n.Properties)}");
        Assert.Equal(expectedNodes.Order(StringComparer.Ordinal), storedNodes.Order(StringComparer.Ordinal));

        var expectedEdges = series.SelectMany(s => s.Members.Select(m => new GraphEdge(m, EdgeTypes.InSeries, s.Id,
            [.. titles[m].Select(t => new Evidence
            {
                Source = SeriesIndex.Source,
                Language = t.Key,
                File = files.GetValueOrDefault(GraphBuilder.SourceKey(m, t.Key), ""),
                Surface = t.Value,
            })])));
        string expected = GraphDump.Write(expectedEdges), stored = GraphDump.Write(dump.Edges.Where(e => e.Type == EdgeTypes.InSeries));
        Assert.True(expected == stored, $"{when}: the series edges differ\n--- derived ---\n{expected}--- stored ---\n{stored}");
    }

    private static DocumentGraph Resolution(int number, string language, string title, string file)
    {
        string symbol = $"70/{number}";
        string text = language == "en"
            ? ResolutionText.English(symbol, title, "Recalling its resolution 65/10 of 1 December 2010,")
            : ResolutionText.Chinese(symbol, title, "回顾其 2010年 12月 1日第 65/10号决议，");
        var document = Documents.FromText(text, file);
        Assert.Equal(($"A/RES/{symbol}", title), (document.Symbol, document.Nodes.Single(n => n.Own).Properties["title_" + language]));
        return document;
    }

    private static string Pick(Random random, string[] from) => from[random.Next(from.Length)];

    private static string Line(object?[] row) => string.Join(" | ", row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    private static List<object?[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}
