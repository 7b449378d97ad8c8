using System.Text.Json;

namespace Graph.Storage.Neo4j.Http;

/// <summary>
/// A statement's result: the column names and the rows, each row's values in <see cref="Fields"/> order. The
/// values belong to no disposable document, so they may be kept as long as needed.
/// </summary>
internal sealed record Neo4jRecords(IReadOnlyList<string> Fields, IReadOnlyList<IReadOnlyList<JsonElement>> Rows);
