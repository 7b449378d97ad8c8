using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Graph.Storage.Sqlite;

/// <summary>
/// One SQL statement, prepared once for the life of its connection and run many times with new values. A load
/// runs a hundred statements a document; through <see cref="SqliteCommand"/> each run also looked its parameters
/// up by name, built a data reader and walked the command's statements, which cost as much as SQLite's own work,
/// so the statements a load runs go straight to SQLite's API (the library under Microsoft.Data.Sqlite), binding by
/// position. Values are always bound as parameters, never written into the text. Not thread-safe, like the
/// connection it runs on.
/// </summary>
internal sealed partial class SqliteStatement : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly string sql;
    private readonly string[] names;
    private sqlite3_stmt? statement;
    private int[] positions = [];

    // Text is bound as UTF-8, the database's encoding, encoded here into this buffer (SQLite copies what is bound):
    // bound as UTF-16, SQLite converted every value itself, a sixth of a large build's time.
    private byte[] utf8 = new byte[256];

    /// <param name="connection">The open connection it runs on, in that connection's current transaction.</param>
    /// <param name="sql">One statement, with named parameters (<c>$source</c>); a name used twice is one parameter.</param>
    public SqliteStatement(SqliteConnection connection, string sql)
    {
        this.connection = connection;
        this.sql = sql;
        names = [.. ParameterName().Matches(sql).Select(m => m.Value).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Runs the statement; <paramref name="values"/> bind its parameters in the order they first appear in it.</summary>
    /// <returns>How many rows it inserted, updated or deleted.</returns>
    /// <exception cref="SqliteException">When SQLite fails the statement.</exception>
    public int Execute(params ReadOnlySpan<object?> values)
    {
        var stmt = Bind(values);
        try
        {
            int rc = raw.sqlite3_step(stmt);
            if (rc is not raw.SQLITE_DONE and not raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            }
            return raw.sqlite3_changes(connection.Handle);
        }
        finally
        {
            raw.sqlite3_reset(stmt);
        }
    }

    /// <summary>The first column of the first row (text or integer), or null when there is no row or it is null.</summary>
    public object? Scalar(params ReadOnlySpan<object?> values)
    {
        using var rows = Read(values);
        if (!rows.Next() || rows.IsNull(0))
        {
            return null;
        }
        return raw.sqlite3_column_type(statement, 0) == raw.SQLITE_INTEGER ? rows.Integer(0) : rows.Text(0);
    }

    /// <summary>The rows the statement gives; dispose them before running the statement again.</summary>
    public Rows Read(params ReadOnlySpan<object?> values) => new(this, Bind(values));

    public void Dispose()
    {
        statement?.Dispose();
        statement = null;
    }

    private int BindText(sqlite3_stmt stmt, int at, string text)
    {
        int most = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > utf8.Length)
        {
            utf8 = new byte[Math.Max(most, utf8.Length * 2)];
        }
        int length = System.Text.Encoding.UTF8.GetBytes(text, utf8);
        return raw.sqlite3_bind_text(stmt, at, utf8.AsSpan(0, length));
    }

    private sqlite3_stmt Bind(ReadOnlySpan<object?> values)
    {
        if (statement is null)
        {
            var db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
            int rc = raw.sqlite3_prepare_v2(db, sql, out var prepared);
            if (rc != raw.SQLITE_OK)
            {
                prepared.Dispose();
                SqliteException.ThrowExceptionForRC(rc, db);
            }
            positions = [.. names.Select(name => raw.sqlite3_bind_parameter_index(prepared, name))];
            statement = prepared;
        }
        if (values.Length != positions.Length)
        {
            throw new ArgumentException($"the statement takes {positions.Length} values, not {values.Length}: {sql}", nameof(values));
        }
        for (int i = 0; i < values.Length; i++)
        {
            int at = positions[i];
            int rc = values[i] switch
            {
                null => raw.sqlite3_bind_null(statement, at),
                string text => BindText(statement, at, text),
                long number => raw.sqlite3_bind_int64(statement, at, number),
                int number => raw.sqlite3_bind_int64(statement, at, number),
                var other => throw new ArgumentException($"a statement binds text and integers, not {other.GetType().Name}", nameof(values)),
            };
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            }
        }
        return statement;
    }

    /// <summary>The rows of one run of a statement, read one at a time; disposing them makes the statement ready to run again.</summary>
    internal readonly struct Rows(SqliteStatement owner, sqlite3_stmt statement) : IDisposable
    {
        /// <summary>Moves to the next row; false when there is none.</summary>
        /// <exception cref="SqliteException">When SQLite fails the statement.</exception>
        public bool Next()
        {
            int rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_ROW)
            {
                return true;
            }
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, owner.connection.Handle);
            }
            return false;
        }

        public bool IsNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

        public string Text(int column) => raw.sqlite3_column_text(statement, column).utf8_to_string();

        public string? TextOrNull(int column) => IsNull(column) ? null : Text(column);

        public long Integer(int column) => raw.sqlite3_column_int64(statement, column);

        public long? IntegerOrNull(int column) => IsNull(column) ? null : Integer(column);

        public void Dispose() => raw.sqlite3_reset(statement);
    }

    [GeneratedRegex(@"\$[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
