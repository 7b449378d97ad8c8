using Microsoft.Data.Sqlite;

namespace Graph.Storage.Sqlite;

/// <summary>
/// The SQLite file's layout, created on first use and versioned in <c>meta.schema_version</c>. What each source
/// said is kept as it said it (<c>sources</c>, <c>claims</c>, <c>evidence</c>, <c>aliases</c>), so a source can
/// be replaced exactly; <c>nodes</c> holds each node merged from its claims, for reading. Edges are the
/// distinct (from, type, to) of <c>evidence</c>.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The version this build writes and reads. A file with a newer one is refused, not damaged.</summary>
    public const int Version = 2;

    /// <summary>Version 2 added the journal: each source's content hash.</summary>
    private const string MigrateToVersion2 = "ALTER TABLE sources ADD COLUMN hash TEXT NOT NULL DEFAULT '';";

    private const string Create = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE sources (
            source TEXT PRIMARY KEY, file TEXT NOT NULL, language TEXT NOT NULL, symbol TEXT NOT NULL,
            label TEXT NOT NULL, refs INTEGER NOT NULL, loaded_at TEXT NOT NULL, hash TEXT NOT NULL DEFAULT '') WITHOUT ROWID;
        CREATE INDEX sources_file ON sources (file);
        CREATE INDEX sources_symbol ON sources (symbol);
        CREATE TABLE claims (
            node TEXT NOT NULL, source TEXT NOT NULL, label TEXT NOT NULL, own INTEGER NOT NULL,
            properties TEXT NOT NULL, PRIMARY KEY (node, source)) WITHOUT ROWID;
        CREATE INDEX claims_source ON claims (source);
        CREATE TABLE nodes (
            id TEXT PRIMARY KEY, label TEXT NOT NULL, name TEXT NOT NULL, ingested INTEGER NOT NULL,
            properties TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX nodes_label ON nodes (label, id);
        CREATE TABLE evidence (
            source TEXT NOT NULL, from_id TEXT NOT NULL, type TEXT NOT NULL, to_id TEXT NOT NULL,
            language TEXT NOT NULL, file TEXT NOT NULL, surface TEXT, offset INTEGER, length INTEGER,
            part TEXT, paragraph INTEGER, footnote INTEGER, pinpoint TEXT, date TEXT);
        CREATE INDEX evidence_from ON evidence (from_id, type, to_id);
        CREATE INDEX evidence_to ON evidence (to_id, type, from_id);
        CREATE INDEX evidence_source ON evidence (source);
        CREATE TABLE aliases (alias TEXT PRIMARY KEY, id TEXT NOT NULL, source TEXT NOT NULL) WITHOUT ROWID;
        """;

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
        if (version < 2)
        {
            // Migrations run inside this transaction: a file is either wholly migrated or left as it was.
            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = MigrateToVersion2 + "UPDATE meta SET value = $version WHERE key = 'schema_version';";
            migrate.Parameters.AddWithValue("$version", Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            migrate.ExecuteNonQuery();
        }
        transaction.Commit();
    }
}
