using System.Text.Json.Nodes;

namespace Graph.Cli.Tests.Support;

/// <summary>Reads what <c>graph extract</c> printed: one JSON array, or one JSON object a line.</summary>
internal static class Output
{
    public static List<JsonObject> Array(CliResult result)
    {
        var parsed = JsonNode.Parse(result.Stdout);
        var array = Assert.IsType<JsonArray>(parsed, exactMatch: true);
        return [.. array.Select(n => Assert.IsType<JsonObject>(n, exactMatch: true))];
    }

    public static List<JsonObject> Lines(CliResult result)
    {
        Assert.True(result.Stdout.Length == 0 || result.Stdout.EndsWith('\n'), "JSON Lines output ends with a line break");
        return [.. result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Assert.IsType<JsonObject>(JsonNode.Parse(line), exactMatch: true))];
    }

    public static string File(JsonObject o) => (string)o["file"]!;

    /// <summary>The references of a document as lines <c>kind id "surface" @start+length</c>, for comparing runs.</summary>
    public static List<string> ReferenceLines(JsonObject document) =>
        [.. ((JsonArray)document["references"]!).Select(r => $"{r!["kind"]} {r["id"]} {r["surface"]!.ToJsonString()} @{r["start"]}+{r["length"]}")];

    /// <summary>The object for <paramref name="file"/>; fails when there is not exactly one.</summary>
    public static JsonObject For(IEnumerable<JsonObject> documents, string file) => Assert.Single(documents, d => File(d) == file);
}
