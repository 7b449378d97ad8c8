using Microsoft.Data.Sqlite;

namespace Graph.Storage.Sqlite;

/// <summary>
/// The SQLite file's layout, created on first use and versioned in <c>meta.schema_version</c>. What each source
/// said is kept as it said it (<c>sources</c>, <c>claims</c>, <c>evidence</c>, <c>aliases</c>), so a source can
/// be replaced exactly; <c>nodes</c> holds each node merged from its claims, for reading. Edges are the
/// distinct (from, type, to) of <c>evidence</c>. <c>node_shapes</c> keeps each distinct claim on a node (what it
/// says, the ordinal first source saying it, and how many do), which is all a merge needs. The <c>series_*</c> tables keep what the series are derived
/// from, added up by title, so that a batch updates the series it touches instead of deriving all of them again
/// (see <see cref="SqliteSeries"/>).
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The version this build writes and reads. A file with a newer one is refused, not damaged.</summary>
    public const int Version = 5;

    /// <summary>Version 2 added the journal: each source's content hash.</summary>
    private const string MigrateToVersion2 = "ALTER TABLE sources ADD COLUMN hash TEXT NOT NULL DEFAULT '';";

    /// <summary>
    /// Version 3 made loading cheaper. Evidence (in the order each source states it, <c>seq</c>) and claims are
    /// clustered by source, so a batch appends them rather than rewriting pages all over the file; only a small
    /// index of claims by node is written at random. <c>node_shapes</c> lets a node claimed alike by thousands of
    /// sources be merged from its few distinct claims, and the series tables, filled from the graph by
    /// <see cref="SqliteBatch.RebuildSeries"/> in the same transaction, let a batch update only the series it touches.
    /// </summary>
    private const string MigrateToVersion3 = """
        CREATE TABLE evidence_v3 (
            source TEXT NOT NULL, seq INTEGER NOT NULL, from_id TEXT NOT NULL, type TEXT NOT NULL, to_id TEXT NOT NULL,
            language TEXT NOT NULL, file TEXT NOT NULL, surface TEXT, offset INTEGER, length INTEGER,
            part TEXT, paragraph INTEGER, footnote INTEGER, pinpoint TEXT, date TEXT,
            PRIMARY KEY (source, seq)) WITHOUT ROWID;
        INSERT INTO evidence_v3
            SELECT source, row_number() OVER (PARTITION BY source ORDER BY rowid), from_id, type, to_id, language, file,
                surface, offset, length, part, paragraph, footnote, pinpoint, date
            FROM evidence;
        DROP TABLE evidence;
        ALTER TABLE evidence_v3 RENAME TO evidence;
        CREATE INDEX evidence_from ON evidence (from_id, type, to_id);
        CREATE INDEX evidence_to ON evidence (to_id, type, from_id);
        CREATE TABLE claims_v3 (
            node TEXT NOT NULL, source TEXT NOT NULL, label TEXT NOT NULL, own INTEGER NOT NULL,
            properties TEXT NOT NULL, PRIMARY KEY (source, node)) WITHOUT ROWID;
        INSERT INTO claims_v3 SELECT node, source, label, own, properties FROM claims;
        DROP TABLE claims;
        ALTER TABLE claims_v3 RENAME TO claims;
        CREATE INDEX claims_node ON claims (node);
        """ + Version3Tables + """
        INSERT INTO node_shapes (node, own, label, properties, first_source, claims)
            SELECT node, own, label, properties, min(source), count(*) FROM claims GROUP BY node, own, label, properties;
        """;

    /// <summary>
    /// Version 4 keeps the page of the PDF each citation stands on (null for a text file, and for all evidence loaded
    /// before), so an analyst can turn to it. Added last, as ALTER TABLE adds it, so a migrated file and a new one
    /// have the same columns in the same order.
    /// </summary>
    private const string MigrateToVersion4 = "ALTER TABLE evidence ADD COLUMN page INTEGER;";

    /// <summary>
    /// Version 5 makes loading in any order cheap. Evidence and claims were clustered by source (version 3), which
    /// appends only when documents arrive in the order of their symbols; in any other order each row was written at
    /// a random place in the two largest tables (a 200 MB corpus loaded shuffled: 30 s against 17 s in order). They
    /// are now kept in the order loaded, found by source through their primary key's index. And the evidence a
    /// document states about itself (<c>own</c>: its <c>from_id</c> is the node of the source's document,
    /// <c>sources.symbol</c>), 86% of all, is left out of <c>evidence_from</c> and found through its source instead,
    /// so that index holds only what documents say of other nodes (a meeting's session, a protocol's treaty, a
    /// series' members).
    /// </summary>
    private const string MigrateToVersion5 = """
        DROP INDEX evidence_from;
        DROP INDEX evidence_to;
        ALTER TABLE evidence RENAME TO evidence_v4;
        """ + EvidenceTable + """
        INSERT INTO evidence
            SELECT e.source, e.seq, e.from_id, e.type, e.to_id, e.language, e.file, e.surface, e.offset, e.length, e.part,
                e.paragraph, e.footnote, e.pinpoint, e.date, e.page,
                coalesce((SELECT s.symbol = e.from_id FROM sources s WHERE s.source = e.source), 0)
            FROM evidence_v4 e ORDER BY e.source, e.seq;
        DROP TABLE evidence_v4;
        """ + EvidenceIndices + """
        DROP INDEX claims_node;
        ALTER TABLE claims RENAME TO claims_v4;
        """ + ClaimsTable + """
        INSERT INTO claims SELECT node, source, label, own, properties FROM claims_v4 ORDER BY source, node;
        DROP TABLE claims_v4;
        CREATE INDEX claims_node ON claims (node);
        """;

    /// <summary>Evidence since version 5, as a new file and a migrated one both create it (its indices are added after).</summary>
    private const string EvidenceTable = """
        CREATE TABLE evidence (
            source TEXT NOT NULL, seq INTEGER NOT NULL, from_id TEXT NOT NULL, type TEXT NOT NULL, to_id TEXT NOT NULL,
            language TEXT NOT NULL, file TEXT NOT NULL, surface TEXT, offset INTEGER, length INTEGER,
            part TEXT, paragraph INTEGER, footnote INTEGER, pinpoint TEXT, date TEXT, page INTEGER, own INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (source, seq));
        """;

    /// <summary>Claims since version 5, likewise.</summary>
    private const string ClaimsTable = """
        CREATE TABLE claims (
            node TEXT NOT NULL, source TEXT NOT NULL, label TEXT NOT NULL, own INTEGER NOT NULL,
            properties TEXT NOT NULL, PRIMARY KEY (source, node));
        """;

    /// <summary>The indices of evidence since version 5.</summary>
    private const string EvidenceIndices = """
        CREATE INDEX evidence_from ON evidence (from_id, type, to_id) WHERE own = 0;
        CREATE INDEX evidence_to ON evidence (to_id, type, from_id);
        """;

    /// <summary>What version 3 added beside the evidence table.</summary>
    private const string Version3Tables = """
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

    private const string Create = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE sources (
            source TEXT PRIMARY KEY, file TEXT NOT NULL, language TEXT NOT NULL, symbol TEXT NOT NULL,
            label TEXT NOT NULL, refs INTEGER NOT NULL, loaded_at TEXT NOT NULL, hash TEXT NOT NULL DEFAULT '') WITHOUT ROWID;
        CREATE INDEX sources_file ON sources (file);
        CREATE INDEX sources_symbol ON sources (symbol);
        """ + ClaimsTable + """
        CREATE INDEX claims_node ON claims (node);
        CREATE TABLE nodes (
            id TEXT PRIMARY KEY, label TEXT NOT NULL, name TEXT NOT NULL, ingested INTEGER NOT NULL,
            properties TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX nodes_label ON nodes (label, id);
        """ + EvidenceTable + EvidenceIndices + """
        CREATE TABLE aliases (alias TEXT PRIMARY KEY, id TEXT NOT NULL, source TEXT NOT NULL) WITHOUT ROWID;
        """ + Version3Tables;

    /// <summary>Creates the schema in an empty file, or checks the version of an existing one.</summary>
    /// <exception cref="GraphStoreException">When the file is not a graph store, or was written by a newer version.</exception>
    public static void Ensure(SqliteConnection connection, string address)
    {
        using var transaction = connection.BeginTransaction();
        bool hasMeta;
        using (var probe = connection.CreateCommand())
        {
            probe.Transaction = transaction;
            probe.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'";
            hasMeta = Convert.ToInt64(probe.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        if (!hasMeta)
        {
            using var tables = connection.CreateCommand();
            tables.Transaction = transaction;
            tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
            if (Convert.ToInt64(tables.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                throw new GraphStoreException($"{address}: the file is an SQLite database but not a graph store (it has tables and no schema version); refusing to write to it");
            }
            using var create = connection.CreateCommand();
            create.Transaction = transaction;
            create.CommandText = Create + "INSERT INTO meta (key, value) VALUES ('schema_version', $version);";
            create.Parameters.AddWithValue("$version", Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            create.ExecuteNonQuery();
            transaction.Commit();
            return;
        }
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        string? written = read.ExecuteScalar() as string;
        if (!int.TryParse(written, System.Globalization.CultureInfo.InvariantCulture, out int version))
        {
            throw new GraphStoreException($"{address}: the schema version '{written}' cannot be read");
        }
        if (version > Version)
        {
            throw new GraphStoreException($"{address}: written by a newer version of graph (schema {version}); this build reads schema {Version}. Upgrade graph, or build into a new file");
        }
        if (version < Version)
        {
            // Migrations run inside this transaction: a file is either wholly migrated or left as it was.
            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = (version < 2 ? MigrateToVersion2 : "") + (version < 3 ? MigrateToVersion3 : "")
                + (version < 4 ? MigrateToVersion4 : "") + MigrateToVersion5
                + "UPDATE meta SET value = $version WHERE key = 'schema_version';";
            migrate.Parameters.AddWithValue("$version", Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            migrate.ExecuteNonQuery();
            // Only a file older than version 3 lacks the series tables; a version 3 file keeps the ones it has, since
            // deriving every series again costs as much as the graph is large.
            if (version < 3)
            {
                using var statements = new SqliteStatements(connection);
                new SqliteBatch(statements).RebuildSeries();
            }
        }
        transaction.Commit();
    }
}
