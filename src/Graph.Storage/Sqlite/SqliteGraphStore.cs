using System.Globalization;
using Graph.Model;
using Graph.Store;
using Microsoft.Data.Sqlite;

namespace Graph.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, so other processes can read while a load runs. Each batch
/// is one transaction. Not thread-safe: one instance per thread; open more instances on the same file to read
/// in parallel.
/// </summary>
public sealed partial class SqliteGraphStore : IGraphStore
{
    private readonly SqliteConnection connection;
    private readonly SqliteStatements statements;

    private SqliteGraphStore(SqliteConnection connection, string address)
    {
        this.connection = connection;
        statements = new SqliteStatements(connection);
        Address = address;
    }

    public string Address { get; }

    /// <summary>How long a statement waits for another process's lock by default: long enough for any batch of theirs.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Opens the store at <paramref name="path"/>, creating the file and its schema on first use.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="lockTimeout">
    /// How long a statement waits while another process holds the file's lock before the store gives up with a
    /// <see cref="GraphStoreException"/> ("database is locked"); <see cref="DefaultLockTimeout"/> when null. A
    /// service that must notice a lock quickly, report it and retry later passes a short one.
    /// </param>
    /// <exception cref="GraphStoreException">When the file cannot be opened, is not a graph store, or is from a newer version.</exception>
    public static SqliteGraphStore Open(string path, TimeSpan? lockTimeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var wait = lockTimeout ?? DefaultLockTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(lockTimeout));
        string address = "sqlite:" + path;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            // Microsoft.Data.Sqlite retries a busy statement until the command timeout, on top of SQLite's own
            // busy timeout: both follow the lock timeout.
            DefaultTimeout = (int)Math.Ceiling(wait.TotalSeconds),
        }.ToString());
        try
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null && !Directory.Exists(directory))
            {
                throw new GraphStoreException($"{address}: the folder {directory} does not exist");
            }
            connection.Open();
            using (var timeout = connection.CreateCommand())
            {
                // The busy timeout makes a second writer wait instead of failing at once. A new file gets 16 KiB pages
                // (SQLite's default is 4): evidence and claims are appended clustered by source, and larger pages mean
                // fewer page splits and index levels (a 200 MB build 25.3 -> 22.7 s). An existing file keeps its own.
                timeout.CommandText = $"PRAGMA busy_timeout = {(long)wait.TotalMilliseconds}; PRAGMA page_size = 16384;";
                timeout.ExecuteNonQuery();
            }
            // The schema is checked before the journal mode is set: switching to WAL rewrites the file's header,
            // and a file that is not a graph store, or is from a newer version, must be left as it was.
            SqliteSchema.Ensure(connection, address);
            using (var pragmas = connection.CreateCommand())
            {
                // WAL lets readers in other processes see the last committed batch while a load writes the next one.
                // With synchronous = NORMAL a commit is in the WAL file before it returns, so it survives the
                // process being killed; only a power cut may lose the last batches (never corrupt the file), and the
                // journal in the same file then says exactly which. Checkpoints copy the WAL into the file: letting
                // the WAL grow to 16,384 pages (256 MiB with a new file's 16 KiB pages, 64 MiB with an older file's 4;
                // SQLite's default is 1,000) before one copies a page rewritten by many batches once instead of many
                // times (a 200 MB build: 21.8-22.8 s, against 23.3-23.8 s at 64 MiB with 16 KiB pages). The cache
                // (64 MiB at most; the default is 2) keeps the pages a batch touches, most of them in the indices, from
                // being read again by every batch.
                pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 16384; PRAGMA cache_size = -65536;";
                pragmas.ExecuteNonQuery();
            }
            return new SqliteGraphStore(connection, address);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Failure($"{address}: {Describe(e)}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// SQLite's busy (5), locked (6), read-only (8), I/O error (10), disk full (13) and cannot-open (14) codes say
    /// that the file cannot be used now (another process holds it, its disk or folder is in trouble), not that a
    /// document is wrong: those are <see cref="GraphStoreUnavailableException"/>, so callers stop or wait instead of
    /// blaming documents one by one. Any other code is a refusal.
    /// </summary>
    private static GraphStoreException Failure(string message, SqliteException e) =>
        e.SqliteErrorCode is 5 or 6 or 8 or 10 or 13 or 14
            ? new GraphStoreUnavailableException(message, e)
            : new GraphStoreException(message, e);

    private static string Describe(SqliteException e) => e.SqliteErrorCode switch
    {
        26 => "the file is not an SQLite database",
        14 => "the file cannot be opened",
        5 => "the database is locked by another writer",
        _ => e.Message,
    };

    public ValueTask DisposeAsync()
    {
        statements.Dispose();
        connection.Dispose();
        return ValueTask.CompletedTask;
    }

    public Task LoadAsync(IReadOnlyList<DocumentGraph> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        if (batch.Count == 0)
        {
            return Task.CompletedTask;
        }
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var load = new SqliteBatch(statements);
            foreach (var document in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                load.Replace(document);
            }
            load.Finish();
            transaction.Commit();
        }
        catch (SqliteException e)
        {
            throw Failure($"{Address}: the batch was not loaded ({Describe(e)}); nothing in it was written", e);
        }
        return Task.CompletedTask;
    }

    internal SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    internal static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
