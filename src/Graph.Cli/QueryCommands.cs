using System.Globalization;
using Graph.Model;
using Graph.Queries;
using Graph.Store;
using Humanizer;

namespace Graph.Cli;

/// <summary>
/// The analysts' commands: <c>precedents</c>, <c>cites</c>, <c>cited-by</c>, <c>show</c>, <c>stats</c>. Each reads
/// an existing store, prints text (or JSON with <c>--format json</c>) to stdout, and exits 1 when the store
/// or the node does not exist.
/// </summary>
internal static class QueryCommands
{
    public static Task<int> PrecedentsAsync(string[] args, Stream stdout, TextWriter stderr) =>
        RunAsync("precedents", args, ["depth"], stderr, async (store, id, options, json) =>
        {
            int depth = 1;
            if (options["depth"] is { } written && (!int.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out depth) || depth is < 1 or > 100))
            {
                return Usage.Fail("--depth takes a whole number from 1 to 100");
            }
            var node = await store.FindNodeAsync(id).ConfigureAwait(false);
            var precedents = node is null ? null : await Precedents.FindAsync(store, node.Id, depth).ConfigureAwait(false);
            if (node is null || precedents is null)
            {
                return NotFound(stderr, store, id);
            }
            if (json)
            {
                GraphJson.Print(stdout, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("id", node.Id);
                    w.WriteNumber("depth", depth);
                    w.WriteStartArray("precedents");
                    foreach (var p in precedents)
                    {
                        w.WriteStartObject();
                        w.WritePropertyName("node");
                        GraphJson.WriteNode(w, p.Node);
                        w.WriteStartArray("chain");
                        foreach (var step in p.Chain)
                        {
                            w.WriteStartObject();
                            w.WriteString("from", step.From);
                            w.WriteString("type", step.Type);
                            w.WriteString("to", step.To);
                            if (step.Series is { } series)
                            {
                                w.WriteString("series", series.Id);
                                w.WriteString("seriesName", series.Name);
                            }
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return 0;
            }
            using var text = Text(stdout);
            text.WriteLine($"{node.Id}: {"precedent".ToQuantity(precedents.Count)} (depth {depth.ToString(CultureInfo.InvariantCulture)}), newest first");
            foreach (var p in precedents)
            {
                text.WriteLine($"  {p.Node.Id}  {p.Node.Text("date") ?? "(undated)"}  {Chain(p.Chain)}");
            }
            return 0;
        });

    public static Task<int> CitesAsync(string[] args, Stream stdout, TextWriter stderr) => EdgesAsync("cites", outgoing: true, args, stdout, stderr);

    public static Task<int> CitedByAsync(string[] args, Stream stdout, TextWriter stderr) => EdgesAsync("cited-by", outgoing: false, args, stdout, stderr);

    private static Task<int> EdgesAsync(string command, bool outgoing, string[] args, Stream stdout, TextWriter stderr) =>
        RunAsync(command, args, [], stderr, async (store, id, _, json) =>
        {
            if (await store.FindNodeAsync(id).ConfigureAwait(false) is not { } node)
            {
                return NotFound(stderr, store, id);
            }
            var edges = outgoing
                ? await store.OutgoingAsync(node.Id).ConfigureAwait(false)
                : await store.IncomingAsync(node.Id).ConfigureAwait(false);
            var others = new Dictionary<string, GraphNode?>(StringComparer.Ordinal);
            foreach (var edge in edges)
            {
                string other = outgoing ? edge.To : edge.From;
                if (!others.ContainsKey(other))
                {
                    others[other] = await store.FindNodeAsync(other).ConfigureAwait(false);
                }
            }
            if (json)
            {
                GraphJson.Print(stdout, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("id", node.Id);
                    w.WriteStartArray(outgoing ? "cites" : "citedBy");
                    foreach (var edge in edges)
                    {
                        w.WriteStartObject();
                        w.WritePropertyName("edge");
                        GraphJson.WriteEdge(w, edge);
                        if (others[outgoing ? edge.To : edge.From] is { } other)
                        {
                            w.WritePropertyName("node");
                            GraphJson.WriteNode(w, other);
                        }
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return 0;
            }
            using var text = Text(stdout);
            text.WriteLine(outgoing
                ? $"{node.Id} cites {"node".ToQuantity(edges.Select(e => e.To).Distinct().Count())} ({"edge".ToQuantity(edges.Count)})"
                : $"{node.Id} is cited by {"node".ToQuantity(edges.Select(e => e.From).Distinct().Count())} ({"edge".ToQuantity(edges.Count)})");
            foreach (var edge in edges)
            {
                string otherId = outgoing ? edge.To : edge.From;
                var other = others[otherId];
                string what = other is null ? "" : $" ({other.Label}{(other.Ingested || !IsDocument(other) ? "" : ", not loaded")}{(other.Name != other.Id ? ": " + GraphJson.OneLine(other.Name) : "")})";
                text.WriteLine(outgoing ? $"  -{edge.Type}-> {otherId}{what}" : $"  {otherId}{what} -{edge.Type}->");
                foreach (var e in edge.Evidence)
                {
                    text.WriteLine($"      {Evidence(e)}");
                }
            }
            return 0;
        });

    public static Task<int> ShowAsync(string[] args, Stream stdout, TextWriter stderr) =>
        RunAsync("show", args, [], stderr, async (store, id, _, json) =>
        {
            if (await store.FindNodeAsync(id).ConfigureAwait(false) is not { } node)
            {
                return NotFound(stderr, store, id);
            }
            var outgoing = await store.OutgoingAsync(node.Id).ConfigureAwait(false);
            var incoming = await store.IncomingAsync(node.Id).ConfigureAwait(false);
            if (json)
            {
                GraphJson.Print(stdout, w =>
                {
                    w.WriteStartObject();
                    w.WritePropertyName("node");
                    GraphJson.WriteNode(w, node);
                    w.WriteStartObject("degree");
                    WriteDegree(w, "out", outgoing);
                    WriteDegree(w, "in", incoming);
                    w.WriteEndObject();
                    w.WriteEndObject();
                });
                return 0;
            }
            using var text = Text(stdout);
            text.WriteLine($"{node.Id}  ({node.Label}{(node.Ingested || !IsDocument(node) ? "" : ", cited but its text not loaded")})");
            if (node.Name != node.Id)
            {
                text.WriteLine($"  name: {GraphJson.OneLine(node.Name)}");
            }
            foreach (var (key, value) in node.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                text.WriteLine($"  {key}: {GraphJson.OneLine(value is string[] list ? string.Join(", ", list) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}");
            }
            text.WriteLine($"  out: {Degree(outgoing)}");
            text.WriteLine($"  in: {Degree(incoming)}");
            return 0;
        });

    public static Task<int> StatsAsync(string[] args, Stream stdout, TextWriter stderr) =>
        RunAsync("stats", args, ["top"], stderr, async (store, _, options, json) =>
        {
            int top = 10;
            if (options["top"] is { } written && (!int.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top > 1000))
            {
                return Usage.Fail("--top takes a whole number up to 1000");
            }
            var stats = await store.StatisticsAsync(top).ConfigureAwait(false);
            if (json)
            {
                GraphJson.Print(stdout, w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("sources", stats.Sources);
                    w.WriteStartObject("nodes");
                    foreach (var (label, (all, ingested)) in stats.Nodes.OrderBy(n => n.Key))
                    {
                        w.WriteStartObject(label.ToString());
                        w.WriteNumber("all", all);
                        w.WriteNumber("ingested", ingested);
                        w.WriteEndObject();
                    }
                    w.WriteEndObject();
                    w.WriteStartObject("edges");
                    foreach (var (type, count) in stats.Edges)
                    {
                        w.WriteNumber(type, count);
                    }
                    w.WriteEndObject();
                    WriteCited(w, "mostCitedTreaties", stats.MostCitedTreaties);
                    WriteCited(w, "mostCitedDocuments", stats.MostCitedDocuments);
                    w.WriteEndObject();
                });
                return 0;
            }
            using var text = Text(stdout);
            text.WriteLine($"{store.Address}: {"document".ToQuantity(stats.Sources)} loaded (language versions)");
            text.WriteLine($"nodes: {stats.Nodes.Values.Sum(n => n.All).ToString(CultureInfo.InvariantCulture)}");
            foreach (var (label, (all, ingested)) in stats.Nodes.OrderBy(n => n.Key))
            {
                text.WriteLine(label is NodeLabel.Resolution or NodeLabel.Decision or NodeLabel.Document or NodeLabel.Meeting
                    ? $"  {label,-12} {all,7}  ({ingested.ToString(CultureInfo.InvariantCulture)} with their text loaded)"
                    : $"  {label,-12} {all,7}");
            }
            text.WriteLine($"edges: {stats.Edges.Values.Sum().ToString(CultureInfo.InvariantCulture)}");
            foreach (var (type, count) in stats.Edges)
            {
                text.WriteLine($"  {type,-26} {count,7}");
            }
            PrintCited(text, "most-cited treaties", stats.MostCitedTreaties);
            PrintCited(text, "most-cited documents", stats.MostCitedDocuments);
            return 0;
        });

    private static async Task<int> RunAsync(
        string command, string[] args, string[] extra, TextWriter stderr,
        Func<IGraphStore, string, Options, bool, Task<int>> query)
    {
        if (Options.Parse(command, args, ["format", .. Options.StoreOptions, .. extra]) is not { } options)
        {
            return Usage.ExitUsage;
        }
        bool takesId = command != "stats";
        if (options.Positional.Count != (takesId ? 1 : 0))
        {
            return Usage.Fail(takesId ? $"{command} takes one id, such as A/RES/68/72" : "stats takes no arguments");
        }
        if (options["format"] is { } format && format is not ("text" or "json"))
        {
            return Usage.Fail("--format takes text or json");
        }
        if (options.OpenExistingStore(stderr) is not { } store)
        {
            return 1;
        }
        await using (store.ConfigureAwait(false))
        {
            string id = takesId ? Graph.Model.UnSymbol.Canonical(options.Positional[0]) : "";
            try
            {
                return await query(store, id, options, options["format"] == "json").ConfigureAwait(false);
            }
            catch (Graph.Storage.GraphStoreException e)
            {
                // A server store is reached on first use, so it can fail here rather than when opened.
                stderr.WriteLine($"graph: {e.Message}");
                return 1;
            }
        }
    }

    /// <summary>Whether the node is a document, which has a text to load (a session or a committee has none).</summary>
    private static bool IsDocument(GraphNode node) => node.Label is NodeLabel.Resolution or NodeLabel.Decision or NodeLabel.Document or NodeLabel.Meeting;

    private static int NotFound(TextWriter stderr, IGraphStore store, string id)
    {
        stderr.WriteLine($"graph: no node '{id}' in {store.Address}");
        return 1;
    }

    private static StreamWriter Text(Stream stdout) => new(stdout, new System.Text.UTF8Encoding(false), leaveOpen: true);

    private static string Chain(IReadOnlyList<PrecedentStep> chain) =>
        chain[0].From + string.Concat(chain.Select(s => s.Series is { } series
            ? $" ~same series \"{GraphJson.OneLine(series.Name)}\"~> {s.To}"
            : $" -{s.Type}-> {s.To}"));

    private static string Evidence(Evidence e)
    {
        string where = e.Paragraph is { } p ? (p.Number is { } n ? $"{p.Part} {n.ToString(CultureInfo.InvariantCulture)}" : p.Part) : "";
        if (e.Footnote is { } footnote)
        {
            where += $", footnote {footnote.ToString(CultureInfo.InvariantCulture)}";
        }
        string at = e.Offset is { } offset ? $"@{offset.ToString(CultureInfo.InvariantCulture)}" : "";
        // Beside the file, as the page is where in that file to look (the pinpoint after the paragraph is where in the
        // cited document). A text file has no page, so its line is the same as before PDFs were read.
        if (e.Page is { } page)
        {
            at += $", p. {page.ToString(CultureInfo.InvariantCulture)}";
        }
        string surface = e.Surface is null ? "(implied by the document's structure)" : $"\"{GraphJson.OneLine(e.Surface)}\"";
        string pinpoint = e.Pinpoint is null ? "" : $", {e.Pinpoint}";
        return $"{e.Language}  {e.File}{at}  {where}{pinpoint}  {surface}".Replace("    ", "  ", StringComparison.Ordinal);
    }

    private static string Degree(IReadOnlyList<GraphEdge> edges) =>
        edges.Count == 0
            ? "none"
            : $"{edges.Count.ToString(CultureInfo.InvariantCulture)} ("
              + string.Join(", ", edges.GroupBy(e => e.Type, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count().ToString(CultureInfo.InvariantCulture)}")) + ")";

    private static void WriteDegree(System.Text.Json.Utf8JsonWriter w, string name, IReadOnlyList<GraphEdge> edges)
    {
        w.WriteStartObject(name);
        w.WriteNumber("total", edges.Count);
        foreach (var group in edges.GroupBy(e => e.Type, StringComparer.Ordinal))
        {
            w.WriteNumber(group.Key, group.Count());
        }
        w.WriteEndObject();
    }

    private static void WriteCited(System.Text.Json.Utf8JsonWriter w, string name, IReadOnlyList<CitedNode> nodes)
    {
        w.WriteStartArray(name);
        foreach (var n in nodes)
        {
            w.WriteStartObject();
            w.WriteString("id", n.Id);
            w.WriteString("label", n.Label.ToString());
            w.WriteString("name", n.Name);
            w.WriteNumber("citedBy", n.CitedBy);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void PrintCited(TextWriter text, string title, IReadOnlyList<CitedNode> nodes)
    {
        text.WriteLine($"{title}:");
        foreach (var n in nodes)
        {
            text.WriteLine($"  {n.CitedBy,4}  {n.Id}{(n.Name != n.Id ? "  " + GraphJson.OneLine(n.Name) : "")}");
        }
    }
}
