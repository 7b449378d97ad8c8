using System.Text.Json;
using Graph.Storage.Neo4j.Http;

namespace Graph.Storage.Neo4j;

/// <summary>One row of a Neo4j result, read by column name.</summary>
internal readonly struct Neo4jRow(IReadOnlyList<string> fields, IReadOnlyList<JsonElement> values)
{
    public JsonElement this[string field]
    {
        get
        {
            for (int i = 0; i < fields.Count; i++)
            {
                if (fields[i] == field)
                {
                    return values[i];
                }
            }
            throw new KeyNotFoundException($"the result has no column '{field}'");
        }
    }

    public string Text(string field) => this[field].GetString() ?? throw new InvalidDataException($"column '{field}' is null");

    public string? TextOrNull(string field) => this[field] is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public long Number(string field) => this[field].GetInt64();

    public bool Flag(string field) => this[field].ValueKind == JsonValueKind.True;

    public IEnumerable<string> Texts(string field) =>
        this[field] is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().Select(e => e.GetString()).OfType<string>() : [];
}

/// <summary>Reading results row by row.</summary>
internal static class Neo4jRecordsExtensions
{
    public static IEnumerable<Neo4jRow> Each(this Neo4jRecords records) => records.Rows.Select(row => new Neo4jRow(records.Fields, row));
}
