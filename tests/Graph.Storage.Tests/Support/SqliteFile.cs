using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Graph.Storage.Tests.Support;

/// <summary>
/// A store's file looked at with a connection of its own, as another program would: the SQLite tests read what the
/// store wrote, and write old-schema files, through these rather than through the store.
/// </summary>
internal static class SqliteFile
{
    /// <summary>An open connection to <paramref name="path"/>, unpooled so the file is free again once it is disposed.</summary>
    public static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>, as invariant text; null when there is none.</summary>
    public static string? Scalar(string path, string sql)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs <paramref name="sql"/> (any number of statements) with the parameters given.</summary>
    public static void Execute(string path, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.ExecuteNonQuery();
    }
}
