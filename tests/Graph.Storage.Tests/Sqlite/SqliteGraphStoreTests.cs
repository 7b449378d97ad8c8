using System.Text.Json;
using Graph.Export;
using Graph.Model;
using Graph.Storage.Sqlite;
using Graph.Storage.Tests.Support;
using static Graph.Storage.Tests.Support.SqliteFile;
using Graph.Store;
using Microsoft.Data.Sqlite;

namespace Graph.Storage.Tests.Sqlite;

/// <summary>
/// What only the embedded store does: its file, its schema version, the files it refuses, WAL mode and readers
/// in parallel with a load. The file is looked at with a connection of its own, as another program would.
/// </summary>
public sealed class SqliteGraphStoreTests : IDisposable
{
    private readonly TempFolder folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task The_schema_version_is_recorded_in_the_meta_table()
    {
        string path = folder.Path("graph.db");

        await SqliteGraphStore.Open(path).DisposeAsync();

        Assert.Equal("5", Scalar(path, "SELECT value FROM meta WHERE key = 'schema_version'"));
        Assert.Equal(
            "aliases claims evidence meta node_shapes nodes series_keys series_links series_members series_titles sources",
            Scalar(path, "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)"));
    }

    [Fact]
    public async Task The_file_is_in_WAL_mode()
    {
        string path = folder.Path("graph.db");

        await using var store = SqliteGraphStore.Open(path);

        Assert.Equal("wal", Scalar(path, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task A_file_written_by_a_newer_schema_is_refused_and_left_untouched()
    {
        string path = folder.Path("newer.db");
        await using (var store = SqliteGraphStore.Open(path))
        {
            await store.LoadAsync([Seeds.Graph(Seeds.MineAction62Zh)], Token);
        }
        Execute(path, "UPDATE meta SET value = '6' WHERE key = 'schema_version'");

        var error = AssertRefusedAndUntouched(path);

        Assert.Contains("newer version", error.Message, StringComparison.Ordinal);
        Assert.Contains("schema 6", error.Message, StringComparison.Ordinal);
    }

    /// <remarks>The version 1 layout, as the first release wrote it: no journal column.</remarks>
    [Fact]
    public async Task A_version_1_file_is_migrated_in_place_keeping_its_graph_and_an_empty_journal_hash()
    {
        string path = folder.Path("v1.db");
        string before;
        await using (var store = SqliteGraphStore.Open(path))
        {
            await store.LoadAsync([Seeds.Graph(Seeds.MineAction62Zh) with { ContentHash = null }], Token);
            before = (await GraphDump.ReadAsync(store, Token)).ToString();
        }
        // Turn it back into a version 1 file: the version 2 layout, and the sources table without its hash column.
        Execute(path, Version2Layout + """
            CREATE TABLE sources_v1 (
                source TEXT PRIMARY KEY, file TEXT NOT NULL, language TEXT NOT NULL, symbol TEXT NOT NULL,
                label TEXT NOT NULL, refs INTEGER NOT NULL, loaded_at TEXT NOT NULL) WITHOUT ROWID;
            INSERT INTO sources_v1 SELECT source, file, language, symbol, label, refs, loaded_at FROM sources;
            DROP TABLE sources;
            ALTER TABLE sources_v1 RENAME TO sources;
            UPDATE meta SET value = '1' WHERE key = 'schema_version';
            """);

        await using (var store = SqliteGraphStore.Open(path))
        {
            var files = await store.LoadedFilesAsync(Token);

            Assert.Equal([(Seeds.Graph(Seeds.MineAction62Zh).File, "")], files.Select(f => (f.Key, f.Value)));
            Assert.Equal(before, (await GraphDump.ReadAsync(store, Token)).ToString());
        }
        Assert.Equal("5", Scalar(path, "SELECT value FROM meta WHERE key = 'schema_version'"));
    }

    /// <remarks>
    /// Version 3 keeps what merges and series are derived from in tables of their own; migrating fills them from the
    /// graph, so the series go on being kept right: the seed loaded after the migration joins A/RES/68/72's series
    /// exactly as it does in a file that was never migrated.
    /// </remarks>
    [Fact]
    public async Task A_version_2_file_is_migrated_in_place_keeping_its_graph_and_its_series_keep_growing()
    {
        string path = folder.Path("v2.db");
        string before;
        var first = Seeds.All.Where(d => d.File != Seeds.Path(Seeds.MineAction62Zh)).ToList();
        await using (var store = SqliteGraphStore.Open(path))
        {
            await store.LoadAsync(first, Token);
            before = (await GraphDump.ReadAsync(store, Token)).ToString();
        }
        Execute(path, Version2Layout);
        Assert.Equal("2", Scalar(path, "SELECT value FROM meta WHERE key = 'schema_version'"));

        string migrated, grown;
        await using (var store = SqliteGraphStore.Open(path))
        {
            migrated = (await GraphDump.ReadAsync(store, Token)).ToString();
            await store.LoadAsync([Seeds.Graph(Seeds.MineAction62Zh)], Token);
            grown = (await GraphDump.ReadAsync(store, Token)).ToString();
        }
        await using var fresh = SqliteGraphStore.Open(folder.Path("fresh.db"));
        await fresh.LoadAsync(Seeds.All, Token);

        Assert.Equal("5", Scalar(path, "SELECT value FROM meta WHERE key = 'schema_version'"));
        Assert.Equal(before, migrated);
        Assert.Equal((await GraphDump.ReadAsync(fresh, Token)).ToString(), grown);
        Assert.Contains("series:assistance-in-mine-action", grown, StringComparison.Ordinal);
    }

    /// <remarks>
    /// Version 4 keeps the page of a PDF with each piece of evidence. The version 3 file is made by version 3's own
    /// DDL and filled from a store this build wrote, so it is what the release before wrote; once migrated it reads
    /// as it did, its evidence has the column (empty, and last, as in a new file), and its series, kept rather than
    /// derived again, go on growing as in a file that was never migrated.
    /// </remarks>
    [Fact]
    public async Task A_version_3_file_is_migrated_in_place_keeping_its_evidence_and_adding_an_empty_page_column()
    {
        string current = folder.Path("current.db");
        string path = folder.Path("v3.db");
        string before;
        var first = Seeds.All.Where(d => d.File != Seeds.Path(Seeds.MineAction62Zh)).ToList();
        await using (var store = SqliteGraphStore.Open(current))
        {
            await store.LoadAsync(first, Token);
            before = (await GraphDump.ReadAsync(store, Token)).ToString();
        }
        Execute(path, Version3Schema + Version3Copy, ("$current", current));
        Assert.Equal("3", Scalar(path, "SELECT value FROM meta WHERE key = 'schema_version'"));
        Assert.Equal("0", Scalar(path, "SELECT count(*) FROM pragma_table_info('evidence') WHERE name = 'page'"));
        string evidence = Scalar(current, "SELECT count(*) FROM evidence")!;
        var pdf = Documents.FromPages("pdf/80-1.pdf", ResolutionText.English("80/1", "Transparency in armaments", "Recalling its resolution 68/72,"));

        string migrated, grown;
        await using (var store = SqliteGraphStore.Open(path))
        {
            migrated = (await GraphDump.ReadAsync(store, Token)).ToString();
            Assert.Equal(evidence, Scalar(path, "SELECT count(*) FROM evidence WHERE page IS NULL"));
            await store.LoadAsync([Seeds.Graph(Seeds.MineAction62Zh), pdf], Token);
            grown = (await GraphDump.ReadAsync(store, Token)).ToString();
        }
        string fresh = folder.Path("fresh.db");
        await using (var store = SqliteGraphStore.Open(fresh))
        {
            await store.LoadAsync([.. Seeds.All, pdf], Token);
            Assert.Equal((await GraphDump.ReadAsync(store, Token)).ToString(), grown);
        }

        Assert.Equal("5", Scalar(path, "SELECT value FROM meta WHERE key = 'schema_version'"));
        Assert.Equal(before, migrated);
        // A new file gets 16 KiB pages; a file from before keeps the 4 KiB it was made with, and works as well.
        Assert.Equal(("4096", "16384"), (Scalar(path, "PRAGMA page_size"), Scalar(fresh, "PRAGMA page_size")));
        Assert.Contains("series:assistance-in-mine-action", grown, StringComparison.Ordinal);
        const string Columns = "SELECT group_concat(name, ' ') FROM (SELECT name FROM pragma_table_info('evidence') ORDER BY cid)";
        Assert.Equal(Scalar(fresh, Columns), Scalar(path, Columns));
        Assert.EndsWith(" date page own", Scalar(path, Columns), StringComparison.Ordinal);
        // Version 5: what each document says about itself is marked, and left out of evidence_from, as in a new file.
        const string Indices = "SELECT group_concat(sql, '; ') FROM (SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'evidence' ORDER BY name)";
        Assert.Equal(Scalar(fresh, Indices), Scalar(path, Indices));
        const string Tables = "SELECT group_concat(sql, '; ') FROM (SELECT sql FROM sqlite_master WHERE type = 'table' AND name IN ('claims', 'evidence') ORDER BY name)";
        Assert.Equal(Scalar(fresh, Tables), Scalar(path, Tables));
        Assert.Contains("WHERE own = 0", Scalar(path, Indices), StringComparison.Ordinal);
        foreach (string file in new[] { path, fresh })
        {
            Assert.Equal("0", Scalar(file, MisjudgedOwnEvidence));
            Assert.NotEqual("0", Scalar(file, "SELECT count(*) FROM evidence WHERE own = 1"));
        }
        Assert.Equal("1", Scalar(path, "SELECT group_concat(page) FROM evidence WHERE source = 'A/RES/80/1@en' AND type = 'RECALLS'"));
        Assert.Equal("0", Scalar(path, "SELECT count(*) FROM evidence WHERE file <> 'pdf/80-1.pdf' AND page IS NOT NULL"));
    }

    /// <summary>
    /// Rows of evidence whose <c>own</c> mark does not say whether their <c>from_id</c> is the node of their source's
    /// document: the outgoing edges of a node are found by the mark, so one wrong would hide or repeat evidence.
    /// </summary>
    private const string MisjudgedOwnEvidence = """
        SELECT count(*) FROM evidence e
        WHERE e.own <> coalesce((SELECT s.symbol = e.from_id FROM sources s WHERE s.source = e.source), 0)
        """;

    /// <remarks>
    /// What a document says about itself is found through its source, not <c>evidence_from</c>; when its own symbol
    /// turns out to be part of a joint symbol, that evidence moves to the joint node with the rest.
    /// </remarks>
    [Fact]
    public async Task What_a_document_says_about_itself_follows_its_symbol_into_a_joint_symbol()
    {
        string path = folder.Path("graph.db");
        string joint = "A/RES/70/5-S/2001/574";
        await using var store = SqliteGraphStore.Open(path);
        await store.LoadAsync([Documents.FromFile(folder.Write("70-5.txt", ResolutionText.English(
            "70/5", "Testing the store", "Recalling its resolution 66/69 of 9 December 2011,")))], Token);
        string[] before = [.. (await store.OutgoingAsync("A/RES/70/5", Token)).Select(e => $"{e.From} -{e.Type}-> {e.To}")];

        await store.LoadAsync([Documents.FromFile(folder.Write("70-6.txt", ResolutionText.English(
            "70/6", "Testing the store again", $"Recalling the identical letters ({joint}),")))], Token);

        Assert.Equal(["A/RES/70/5 -DURING-> A/70", "A/RES/70/5 -RECALLS-> A/RES/66/69"], before);
        string[] expected = [$"{joint} -DURING-> A/70", $"{joint} -RECALLS-> A/RES/66/69"];
        Assert.Equal(expected, (await store.OutgoingAsync(joint, Token)).Select(e => $"{e.From} -{e.Type}-> {e.To}"));
        Assert.Equal(expected, (await store.OutgoingAsync("A/RES/70/5", Token)).Select(e => $"{e.From} -{e.Type}-> {e.To}"));
        Assert.Equal(["A/RES/70/6 -DURING-> A/70", $"A/RES/70/6 -RECALLS-> {joint}"],
            (await store.OutgoingAsync("A/RES/70/6", Token)).Select(e => $"{e.From} -{e.Type}-> {e.To}"));
        Assert.Equal("0", Scalar(path, MisjudgedOwnEvidence));
    }

    /// <summary>Version 3's layout, exactly as that release created it (SqliteSchema at schema version 3).</summary>
    private const string Version3Schema = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE sources (
            source TEXT PRIMARY KEY, file TEXT NOT NULL, language TEXT NOT NULL, symbol TEXT NOT NULL,
            label TEXT NOT NULL, refs INTEGER NOT NULL, loaded_at TEXT NOT NULL, hash TEXT NOT NULL DEFAULT '') WITHOUT ROWID;
        CREATE INDEX sources_file ON sources (file);
        CREATE INDEX sources_symbol ON sources (symbol);
        CREATE TABLE claims (
            node TEXT NOT NULL, source TEXT NOT NULL, label TEXT NOT NULL, own INTEGER NOT NULL,
            properties TEXT NOT NULL, PRIMARY KEY (source, node)) WITHOUT ROWID;
        CREATE INDEX claims_node ON claims (node);
        CREATE TABLE nodes (
            id TEXT PRIMARY KEY, label TEXT NOT NULL, name TEXT NOT NULL, ingested INTEGER NOT NULL,
            properties TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX nodes_label ON nodes (label, id);
        CREATE TABLE evidence (
            source TEXT NOT NULL, seq INTEGER NOT NULL, from_id TEXT NOT NULL, type TEXT NOT NULL, to_id TEXT NOT NULL,
            language TEXT NOT NULL, file TEXT NOT NULL, surface TEXT, offset INTEGER, length INTEGER,
            part TEXT, paragraph INTEGER, footnote INTEGER, pinpoint TEXT, date TEXT,
            PRIMARY KEY (source, seq)) WITHOUT ROWID;
        CREATE INDEX evidence_from ON evidence (from_id, type, to_id);
        CREATE INDEX evidence_to ON evidence (to_id, type, from_id);
        CREATE TABLE aliases (alias TEXT PRIMARY KEY, id TEXT NOT NULL, source TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE node_shapes (
            node TEXT NOT NULL, own INTEGER NOT NULL, label TEXT NOT NULL, properties TEXT NOT NULL,
            first_source TEXT NOT NULL, claims INTEGER NOT NULL,
            PRIMARY KEY (node, own, label, properties)) WITHOUT ROWID;
        CREATE TABLE series_members (
            member TEXT NOT NULL, language TEXT NOT NULL, title TEXT NOT NULL, key TEXT NOT NULL, file TEXT NOT NULL,
            PRIMARY KEY (member, language)) WITHOUT ROWID;
        CREATE INDEX series_members_key ON series_members (key);
        CREATE TABLE series_titles (
            key TEXT NOT NULL, title TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (key, title)) WITHOUT ROWID;
        CREATE TABLE series_keys (key TEXT PRIMARY KEY, firsts INTEGER NOT NULL, series TEXT) WITHOUT ROWID;
        CREATE TABLE series_links (
            a TEXT NOT NULL, b TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
        CREATE INDEX series_links_b ON series_links (b);
        """;

    /// <summary>Fills a file of <see cref="Version3Schema"/> from the store at <c>$current</c>, leaving the page out.</summary>
    private const string Version3Copy = """
        ATTACH DATABASE $current AS current;
        INSERT INTO meta SELECT * FROM current.meta;
        UPDATE meta SET value = '3' WHERE key = 'schema_version';
        INSERT INTO sources SELECT * FROM current.sources;
        INSERT INTO claims SELECT * FROM current.claims;
        INSERT INTO nodes SELECT * FROM current.nodes;
        INSERT INTO evidence
            SELECT source, seq, from_id, type, to_id, language, file, surface, offset, length, part, paragraph, footnote, pinpoint, date
            FROM current.evidence;
        INSERT INTO aliases SELECT * FROM current.aliases;
        INSERT INTO node_shapes SELECT * FROM current.node_shapes;
        INSERT INTO series_members SELECT * FROM current.series_members;
        INSERT INTO series_titles SELECT * FROM current.series_titles;
        INSERT INTO series_keys SELECT * FROM current.series_keys;
        INSERT INTO series_links SELECT * FROM current.series_links;
        DETACH DATABASE current;
        """;

    /// <summary>SQL that turns a file of this version back into the layout version 2 wrote.</summary>
    private const string Version2Layout = """
        DROP TABLE node_shapes;
        DROP TABLE series_members;
        DROP TABLE series_titles;
        DROP TABLE series_keys;
        DROP TABLE series_links;
        CREATE TABLE evidence_v2 (
            source TEXT NOT NULL, from_id TEXT NOT NULL, type TEXT NOT NULL, to_id TEXT NOT NULL,
            language TEXT NOT NULL, file TEXT NOT NULL, surface TEXT, offset INTEGER, length INTEGER,
            part TEXT, paragraph INTEGER, footnote INTEGER, pinpoint TEXT, date TEXT);
        INSERT INTO evidence_v2
            SELECT source, from_id, type, to_id, language, file, surface, offset, length, part, paragraph, footnote, pinpoint, date
            FROM evidence ORDER BY source, seq;
        DROP TABLE evidence;
        ALTER TABLE evidence_v2 RENAME TO evidence;
        CREATE INDEX evidence_from ON evidence (from_id, type, to_id);
        CREATE INDEX evidence_to ON evidence (to_id, type, from_id);
        CREATE INDEX evidence_source ON evidence (source);
        CREATE TABLE claims_v2 (
            node TEXT NOT NULL, source TEXT NOT NULL, label TEXT NOT NULL, own INTEGER NOT NULL,
            properties TEXT NOT NULL, PRIMARY KEY (node, source)) WITHOUT ROWID;
        INSERT INTO claims_v2 SELECT node, source, label, own, properties FROM claims;
        DROP TABLE claims;
        ALTER TABLE claims_v2 RENAME TO claims;
        CREATE INDEX claims_source ON claims (source);
        UPDATE meta SET value = '2' WHERE key = 'schema_version';
        """;

    [Fact]
    public void A_text_file_is_refused_and_left_untouched()
    {
        string path = folder.Write("notes.db", "Minutes of the 65th plenary meeting of the sixty-eighth session.\n");

        var error = AssertRefusedAndUntouched(path);

        Assert.Contains("not an SQLite database", error.Message, StringComparison.Ordinal);
    }

    /// <remarks>
    /// The store switched a file to WAL before it looked at its tables, so a foreign database in the default
    /// rollback-journal mode came back with its header rewritten; the schema is now checked first.
    /// </remarks>
    [Fact]
    public void A_foreign_SQLite_database_is_refused_and_left_untouched()
    {
        string path = folder.Path("recipes.db");
        Execute(path, "CREATE TABLE recipes (name TEXT NOT NULL); INSERT INTO recipes (name) VALUES ('congee');");

        var error = AssertRefusedAndUntouched(path);

        Assert.Contains("not a graph store", error.Message, StringComparison.Ordinal);
        Assert.Equal("delete", Scalar(path, "PRAGMA journal_mode"));
        Assert.Equal("congee", Scalar(path, "SELECT name FROM recipes"));
    }

    [Fact]
    public void A_store_in_a_folder_that_does_not_exist_is_refused()
    {
        string path = folder.Path("missing/graph.db");

        var error = Assert.Throws<GraphStoreException>(() => SqliteGraphStore.Open(path));

        Assert.Contains("sqlite:" + path, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Path("missing")));
    }

    [Fact]
    public async Task Closing_and_reopening_keeps_the_graph()
    {
        string path = folder.Path("graph.db");
        string before;
        await using (var store = SqliteGraphStore.Open(path))
        {
            await store.LoadAsync(Seeds.All, Token);
            before = (await GraphDump.ReadAsync(store, Token)).ToString();
        }

        await using var reopened = GraphStores.Open("sqlite:" + path, create: false);

        Assert.Equal(before, (await GraphDump.ReadAsync(reopened, Token)).ToString());
        Assert.Equal(5, (await reopened.StatisticsAsync(10, Token)).Sources);
        Assert.True((await reopened.FindNodeAsync("A/RES/68/72", Token))?.Ingested);
    }

    /// <remarks>
    /// The page is a column of its own, null for a text file, and read back from the file by a store opened
    /// afresh: by the queries, and into every export through the evidence JSON, where a text file's has no page.
    /// </remarks>
    [Fact]
    public async Task Evidence_from_a_PDF_keeps_its_page_in_the_file_and_in_the_export_and_a_text_file_has_none()
    {
        string path = folder.Path("graph.db");
        var pdf = Documents.FromPages(
            "pdf/80-1.pdf",
            ResolutionText.English("80/1", "Transparency in armaments", "Recalling its resolution 79/1,"),
            "Recalling also its resolution 78/1,\n");
        await using (var store = SqliteGraphStore.Open(path))
        {
            await store.LoadAsync([pdf, Seeds.Graph(Seeds.MineAction68En)], Token);
        }

        Assert.Equal(
            "A/RES/78/1 2, A/RES/79/1 1",
            Scalar(path, "SELECT group_concat(to_id || ' ' || page, ', ') FROM (SELECT to_id, page FROM evidence WHERE source = 'A/RES/80/1@en' AND type = 'RECALLS' ORDER BY to_id)"));
        Assert.Equal("0", Scalar(path, "SELECT count(*) FROM evidence WHERE source = 'A/RES/68/72@en' AND page IS NOT NULL"));
        await using var reopened = SqliteGraphStore.Open(path);
        var cites = await reopened.OutgoingAsync("A/RES/80/1", Token);
        Assert.Equal([2, 1], cites.Where(e => e.Type == "RECALLS").Select(e => Assert.Single(e.Evidence).Page));
        string export = folder.Path("export");
        await GraphExport.WriteAsync(reopened, "jsonl", export, Token);
        var relationships = File.ReadLines(Path.Combine(export, "graph.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(line => line.GetProperty("type").GetString() == "relationship")
            .ToList();
        var recalls = relationships.Where(r => r.GetProperty("start").GetString() == "A/RES/80/1" && r.GetProperty("label").GetString() == "RECALLS");
        var text = relationships.Where(r => r.GetProperty("start").GetString() == "A/RES/68/72").SelectMany(r => r.GetProperty("evidence").EnumerateArray()).ToList();
        Assert.Equal(
            [("A/RES/78/1", 2), ("A/RES/79/1", 1)],
            recalls.Select(r => (r.GetProperty("end").GetString(), r.GetProperty("evidence").EnumerateArray().Single().GetProperty("page").GetInt32())).Order());
        Assert.NotEmpty(text);
        Assert.All(text, e => Assert.False(e.TryGetProperty("page", out _)));
    }

    /// <remarks>A trigger stands for any failure of the database in the middle of a batch (a full disk, a constraint).</remarks>
    [Fact]
    public async Task A_batch_the_database_refuses_throws_GraphStoreException_and_writes_nothing()
    {
        string path = folder.Path("graph.db");
        await using var store = SqliteGraphStore.Open(path);
        await store.LoadAsync([Seeds.Graph(Seeds.MineAction62Zh)], Token);
        string before = (await GraphDump.ReadAsync(store, Token)).ToString();
        Execute(path, "CREATE TRIGGER refuse BEFORE INSERT ON claims WHEN NEW.node = 'A/RES/75/62' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");

        // Exactly a refusal: not "unavailable", which would make callers wait instead of blaming the batch.
        var error = await Assert.ThrowsAsync<GraphStoreException>(
            () => store.LoadAsync([Seeds.Graph(Seeds.MineAction68Zh), Seeds.Graph(Seeds.ClusterMunitions75Zh)], Token));

        Assert.StartsWith("sqlite:" + path + ": the batch was not loaded", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused by the test", error.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(error.InnerException);
        Assert.Equal(before, (await GraphDump.ReadAsync(store, Token)).ToString());
        Assert.Equal("1", Scalar(path, "SELECT count(*) FROM sources"));

        Execute(path, "DROP TRIGGER refuse");
        await store.LoadAsync([Seeds.Graph(Seeds.MineAction68Zh), Seeds.Graph(Seeds.ClusterMunitions75Zh)], Token);
        Assert.Equal("3", Scalar(path, "SELECT count(*) FROM sources"));
    }

    [Fact]
    public async Task A_file_another_process_holds_locked_past_the_lock_timeout_is_unavailable_not_a_refusal()
    {
        string path = folder.Path("graph.db");
        await using var store = SqliteGraphStore.Open(path, lockTimeout: TimeSpan.FromMilliseconds(200));
        await store.LoadAsync([Seeds.Graph(Seeds.MineAction62Zh)], Token);
        using var holder = new SqliteConnection($"Data Source={path};Pooling=False");
        holder.Open();
        using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => store.LoadAsync([Seeds.Graph(Seeds.MineAction68Zh)], Token));

        Assert.Contains("locked", error.Message, StringComparison.Ordinal);
        using (var rollback = holder.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }
        await store.LoadAsync([Seeds.Graph(Seeds.MineAction68Zh)], Token);
        Assert.Equal("2", Scalar(path, "SELECT count(*) FROM sources"));
    }

    /// <remarks>
    /// Every batch adds nodes and edges, so the counts after each of them tell the states apart; the reader opens
    /// a store for each look, as <c>graph stats</c> run from another shell would, and reads in one transaction.
    /// </remarks>
    [Fact]
    public async Task A_reader_during_a_load_sees_only_whole_batches()
    {
        string path = folder.Path("graph.db");
        var batches = Enumerable.Range(0, 60).Select(k => (IReadOnlyList<DocumentGraph>)[Generated(2 * k + 1), Generated(2 * k + 2)]).ToList();
        await using var writer = SqliteGraphStore.Open(path);
        var committed = new List<(int Nodes, int Edges)> { await CountAsync(writer) };
        var observed = new List<(int Nodes, int Edges)>();
        var reading = new TaskCompletionSource();
        using var loaded = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var reader = Task.Run(
            async () =>
            {
                while (!loaded.IsCancellationRequested)
                {
                    await using var store = SqliteGraphStore.Open(path);
                    observed.Add(await CountAsync(store));
                    reading.TrySetResult();
                }
            },
            Token);
        await reading.Task.WaitAsync(Token);
        await Task.Run(
            async () =>
            {
                foreach (var batch in batches)
                {
                    await writer.LoadAsync(batch, Token);
                    committed.Add(await CountAsync(writer));
                    await Task.Delay(1, Token);
                }
            },
            Token);
        await loaded.CancelAsync();
        await reader;

        Assert.Equal(61, committed.Distinct().Count());
        Assert.All(observed, o => Assert.Contains(o, committed));
        Assert.Contains(observed, o => o != committed[0] && o != committed[^1]);
    }

    private static DocumentGraph Generated(int n) => Documents.FromText(
        ResolutionText.English($"80/{n}", $"Generated resolution number {n}", $"Recalling its resolutions 79/{n} and 78/{n},"),
        $"generated/80-{n}.txt");

    private static async Task<(int Nodes, int Edges)> CountAsync(IGraphStore store)
    {
        var statistics = await store.StatisticsAsync(0, Token);
        return (statistics.Nodes.Values.Sum(v => v.All), statistics.Edges.Values.Sum());
    }

    /// <summary>
    /// Opens the file as a store, as the library and as the command line do, and expects a refusal naming it; the
    /// file must keep every byte, and no other file may be left beside it.
    /// </summary>
    private GraphStoreException AssertRefusedAndUntouched(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        string[] files = Directory.GetFiles(folder.Root);

        var error = Assert.Throws<GraphStoreException>(() => SqliteGraphStore.Open(path));
        var again = Assert.Throws<GraphStoreException>(() => GraphStores.Open("sqlite:" + path, create: false));

        Assert.StartsWith("sqlite:" + path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, again.Message);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal(files, Directory.GetFiles(folder.Root));
        return error;
    }
}
