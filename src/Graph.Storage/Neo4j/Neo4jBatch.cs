using System.Globalization;
using Graph.Building;
using Graph.Model;
using Graph.Storage.Neo4j.Http;

namespace Graph.Storage.Neo4j;

/// <summary>
/// One batch being written inside its Neo4j transaction, by the same steps as the SQLite store: replace each
/// document's source in the bookkeeping (claims, evidence, aliases), re-merge every node whose claims changed,
/// re-derive the series, then rewrite every relationship whose evidence changed. The graph analysts query
/// (labelled nodes and typed relationships) is always the merge of the bookkeeping, never edited on its own.
/// </summary>
/// <remarks>
/// A batch object lives for one attempt: when the transaction is retried, a new one starts from scratch.
/// </remarks>
internal sealed class Neo4jBatch(Neo4jTransaction tx, CancellationToken cancellationToken)
{
    private readonly HashSet<string> affected = new(StringComparer.Ordinal);
    private readonly HashSet<(string From, string Type, string To)> affectedEdges = [];
    private readonly Dictionary<string, string> resolved = new(StringComparer.Ordinal);

    /// <summary>The merged label of every node written or deleted in this batch (null: deleted).</summary>
    private readonly Dictionary<string, NodeLabel?> merged = new(StringComparer.Ordinal);
    private bool resolutionsChanged;

    /// <summary>Replaces what the document's source, and any source loaded from the same file, said before.</summary>
    public async Task ReplaceAsync(DocumentGraph document)
    {
        await ResolveAsync([.. document.Aliases.Keys, .. document.Aliases.Values, document.Symbol,
            .. document.Nodes.Select(n => n.Id), .. document.Edges.SelectMany(e => new[] { e.From, e.To })]).ConfigureAwait(false);
        foreach (var (alias, id) in document.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            await AddAliasAsync(alias, id, document.Source).ConfigureAwait(false);
        }
        var replaced = await RunAsync("replaced-sources", ("key", document.Source), ("file", document.File)).ConfigureAwait(false);
        foreach (string source in replaced.Each().Select(r => r.Text("key")).ToList())
        {
            await RemoveAsync(source).ConfigureAwait(false);
        }
        await RunAsync(
            "add-source",
            ("key", document.Source), ("file", document.File), ("language", document.Language), ("symbol", Resolve(document.Symbol)),
            ("label", document.Label.ToString()), ("refs", (long)document.References),
            ("loadedAt", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)), ("hash", document.ContentHash ?? "")).ConfigureAwait(false);
        var claims = NodeMerger.Collapse(document.Nodes, Resolve).Select(claim =>
        {
            affected.Add(claim.Id);
            return Row(("node", claim.Id), ("source", document.Source), ("label", claim.Label.ToString()), ("own", claim.Own),
                ("properties", GraphProperties.ToJson(claim.Properties)));
        }).ToList();
        await RunAsync("add-claims", ("rows", claims)).ConfigureAwait(false);
        await AddEvidenceAsync(document.Edges.Select(e => (Resolve(e.From), e.Type, Resolve(e.To), e.Evidence))).ConfigureAwait(false);
        resolutionsChanged |= document.Label == NodeLabel.Resolution;
    }

    /// <summary>
    /// Re-merges every node whose claims changed: a node nothing claims any more is deleted with its
    /// relationships, a node whose merged label changed is relabelled in place (keeping its relationships), and
    /// every other is written whole (<c>SET n = …</c>, so a property no claim holds any more is removed).
    /// </summary>
    public async Task MergeAffectedNodesAsync()
    {
        if (affected.Count == 0)
        {
            return;
        }
        var ids = affected.Order(StringComparer.Ordinal).ToList();
        affected.Clear();
        var claims = new Dictionary<string, List<(string, NodeClaim)>>(StringComparer.Ordinal);
        foreach (var row in (await RunAsync("read-claims", ("ids", ids)).ConfigureAwait(false)).Each())
        {
            string node = row.Text("node");
            var label = NodeLabels.Parse(row.Text("label")) ?? NodeLabel.Document;
            var claim = new NodeClaim(node, label, row.Flag("own"), GraphProperties.FromJson(row.Text("properties")));
            if (!claims.TryGetValue(node, out var list))
            {
                claims[node] = list = [];
            }
            list.Add((row.Text("source"), claim));
        }
        var existing = await Neo4jGraphStore.LabelsAsync(tx, ids, resolve: false, cancellationToken).ConfigureAwait(false);

        var deletes = new Dictionary<NodeLabel, List<string>>();
        var relabels = new Dictionary<(NodeLabel, NodeLabel), List<string>>();
        var writes = new Dictionary<NodeLabel, List<Dictionary<string, object?>>>();
        foreach (string id in ids)
        {
            var node = claims.TryGetValue(id, out var list) ? NodeMerger.Merge(id, list) : null;
            merged[id] = node?.Label;
            bool exists = existing.TryGetValue(id, out var current);
            if (node is null)
            {
                if (exists)
                {
                    Add(deletes, current, id);
                }
                continue;
            }
            if (exists && current != node.Label)
            {
                Add(relabels, (current, node.Label), id);
            }
            var props = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, value) in node.Properties)
            {
                props[key] = value;
            }
            props["id"] = node.Id;
            props["name"] = node.Name;
            props["ingested"] = node.Ingested;
            Add(writes, node.Label, Row(("id", node.Id), ("props", props)));
        }
        foreach (var (label, group) in deletes)
        {
            await RunAsync(Neo4jStatements.For("delete-nodes", label), ("ids", group)).ConfigureAwait(false);
        }
        foreach (var ((from, to), group) in relabels)
        {
            await RunAsync(Neo4jStatements.For("relabel-nodes", from, to), ("ids", group)).ConfigureAwait(false);
        }
        foreach (var (label, rows) in writes)
        {
            await RunAsync(Neo4jStatements.For("write-nodes", label), ("rows", rows)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Recomputes the series from every ingested resolution's titles when a resolution came or went in this
    /// batch, with the same evidence as the SQLite store: one per member and language, the title in its file.
    /// </summary>
    public async Task DeriveSeriesAsync()
    {
        if (!resolutionsChanged)
        {
            return;
        }
        await RemoveAsync(SeriesIndex.Source).ConfigureAwait(false);
        var resolutions = new List<(string, IReadOnlyDictionary<string, string>)>();
        foreach (var row in (await RunAsync("ingested-resolutions").ConfigureAwait(false)).Each())
        {
            var titles = GraphProperties.FromJson(row["props"])
                .Where(p => p.Key.StartsWith("title_", StringComparison.Ordinal) && p.Value is string)
                .ToDictionary(p => p.Key["title_".Length..], p => (string)p.Value, StringComparer.Ordinal);
            resolutions.Add((row.Text("id"), titles));
        }
        var titlesOf = resolutions.ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
        var series = SeriesIndex.Find(resolutions).ToList();
        var keys = series.SelectMany(s => s.Members).SelectMany(m => titlesOf[m].Keys.Select(language => GraphBuilder.SourceKey(m, language))).Distinct().ToList();
        var files = (await RunAsync("source-files", ("keys", keys)).ConfigureAwait(false)).Each()
            .ToDictionary(r => r.Text("key"), r => r.Text("file"), StringComparer.Ordinal);
        var claims = new List<Dictionary<string, object?>>();
        var evidence = new List<(string, string, string, Evidence)>();
        foreach (var one in series)
        {
            var properties = one.Titles.ToDictionary(t => "title_" + t.Key, t => (object)t.Value, StringComparer.Ordinal);
            properties["members"] = (long)one.Members.Count;
            claims.Add(Row(("node", one.Id), ("source", SeriesIndex.Source), ("label", NodeLabel.Series.ToString()), ("own", false),
                ("properties", GraphProperties.ToJson(properties))));
            affected.Add(one.Id);
            foreach (string member in one.Members)
            {
                foreach (var (language, title) in titlesOf[member].OrderBy(t => t.Key, StringComparer.Ordinal))
                {
                    evidence.Add((member, EdgeTypes.InSeries, one.Id, new Evidence
                    {
                        Source = SeriesIndex.Source,
                        Language = language,
                        File = files.GetValueOrDefault(GraphBuilder.SourceKey(member, language), ""),
                        Surface = title,
                    }));
                }
            }
        }
        await RunAsync("add-claims", ("rows", claims)).ConfigureAwait(false);
        await AddEvidenceAsync(evidence).ConfigureAwait(false);
    }

    /// <summary>
    /// Rewrites every relationship whose evidence changed from the evidence now kept: merged with its count,
    /// languages, surfaces, pinpoints and evidence, or deleted when none is left. Runs after every node of the
    /// batch is merged, so both ends of each relationship exist under their final labels.
    /// </summary>
    public async Task WriteRelationshipsAsync()
    {
        // Both ends of a changed relationship were merged in this batch (see AddEvidenceAsync), so their labels are known.
        var edges = affectedEdges.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ToList();
        if (edges.Count == 0)
        {
            return;
        }
        var missing = edges.SelectMany(e => new[] { e.From, e.To }).Where(id => !merged.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (id, label) in await Neo4jGraphStore.LabelsAsync(tx, missing, resolve: false, cancellationToken).ConfigureAwait(false))
        {
            merged[id] = label;
        }
        var parameter = edges.Select(e => Row(("fromId", e.From), ("type", e.Type), ("toId", e.To))).ToList();
        var writes = new Dictionary<(NodeLabel, string, NodeLabel), List<Dictionary<string, object?>>>();
        var deletes = new Dictionary<(NodeLabel, string, NodeLabel), List<Dictionary<string, object?>>>();
        foreach (var row in (await RunAsync("read-evidence", ("edges", parameter)).ConfigureAwait(false)).Each())
        {
            string from = row.Text("fromId"), type = row.Text("type"), to = row.Text("toId");
            if (merged.GetValueOrDefault(from) is not { } fromLabel || merged.GetValueOrDefault(to) is not { } toLabel)
            {
                continue; // An end was deleted, and its relationships with it.
            }
            var evidence = row["evidence"].EnumerateArray()
                .Select(e => (Source: e.GetProperty("source").GetString()!, Offset: e.TryGetProperty("offset", out var o) && o.ValueKind == System.Text.Json.JsonValueKind.Number ? o.GetInt64() : (long?)null, Json: e.GetProperty("json").GetString()!))
                .OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Offset)
                .Select(e => GraphProperties.EvidenceFromJson(e.Json))
                .ToList();
            var key = (fromLabel, type, toLabel);
            if (evidence.Count == 0)
            {
                Add(deletes, key, Row(("fromId", from), ("toId", to)));
                continue;
            }
            var edge = new GraphEdge(from, type, to, evidence);
            Add(writes, key, Row(("fromId", from), ("toId", to), ("props", Row(
                ("count", (long)evidence.Count), ("languages", edge.Languages), ("surfaces", edge.Surfaces), ("pinpoints", edge.Pinpoints),
                ("evidence", evidence.Select(GraphProperties.EvidenceJson).ToList())))));
        }
        foreach (var ((from, type, to), rows) in deletes)
        {
            await RunAsync(Neo4jStatements.For("delete-relationships", from, type, to), ("rows", rows)).ConfigureAwait(false);
        }
        foreach (var ((from, type, to), rows) in writes)
        {
            await RunAsync(Neo4jStatements.For("write-relationships", from, type, to), ("rows", rows)).ConfigureAwait(false);
        }
        affectedEdges.Clear();
    }

    /// <summary>Records evidence; its relationship and both its ends are re-merged at the end of the batch.</summary>
    private async Task AddEvidenceAsync(IEnumerable<(string From, string Type, string To, Evidence Evidence)> evidence)
    {
        var rows = evidence.Select(e =>
        {
            Touch(e.From, e.Type, e.To);
            return Row(("source", e.Evidence.Source), ("fromId", e.From), ("type", e.Type), ("toId", e.To),
                ("offset", e.Evidence.Offset is { } offset ? (long)offset : null), ("json", GraphProperties.EvidenceJson(e.Evidence)));
        }).ToList();
        if (rows.Count > 0)
        {
            await RunAsync("add-evidence", ("rows", rows)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Records that <paramref name="alias"/> names the node <paramref name="id"/> (a part of a joint symbol), and
    /// moves whatever was stored under the alias to that node. The first joint symbol to claim a part keeps it.
    /// </summary>
    private async Task AddAliasAsync(string alias, string id, string source)
    {
        if (alias == id || Resolve(alias) != alias || Resolve(id) != id)
        {
            return;
        }
        await RunAsync("add-alias", ("alias", alias), ("id", id), ("source", source)).ConfigureAwait(false);
        resolved[alias] = id;
        await RunAsync("move-alias-claims", ("alias", alias), ("id", id)).ConfigureAwait(false);
        await RunAsync("delete-alias-claims", ("alias", alias)).ConfigureAwait(false);
        foreach (string statement in (string[])["move-alias-evidence-from", "move-alias-evidence-to"])
        {
            foreach (var row in (await RunAsync(statement, ("alias", alias), ("id", id)).ConfigureAwait(false)).Each())
            {
                // The relationship as it stood on the alias node goes with that node, which loses all its claims.
                Touch(row.Text("fromId"), row.Text("type"), row.Text("toId"));
            }
        }
        await RunAsync("move-alias-sources", ("alias", alias), ("id", id)).ConfigureAwait(false);
        affected.Add(alias);
        affected.Add(id);
    }

    private async Task RemoveAsync(string source)
    {
        foreach (var row in (await RunAsync("remove-claims", ("source", source)).ConfigureAwait(false)).Each())
        {
            affected.Add(row.Text("node"));
            resolutionsChanged |= row.Flag("own") && row.TextOrNull("label") == nameof(NodeLabel.Resolution);
        }
        foreach (var row in (await RunAsync("remove-evidence", ("source", source)).ConfigureAwait(false)).Each())
        {
            Touch(row.Text("fromId"), row.Text("type"), row.Text("toId"));
        }
        await RunAsync("remove-source", ("source", source)).ConfigureAwait(false);
    }

    /// <summary>A relationship whose evidence changed; both its ends are re-merged so their labels are current.</summary>
    private void Touch(string from, string type, string to)
    {
        affectedEdges.Add((from, type, to));
        affected.Add(from);
        affected.Add(to);
    }

    /// <summary>Looks up, in one statement, the joint symbols the given ids are parts of.</summary>
    private async Task ResolveAsync(IEnumerable<string> ids)
    {
        var unknown = ids.Where(id => !resolved.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return;
        }
        foreach (string id in unknown)
        {
            resolved[id] = id;
        }
        foreach (var row in (await RunAsync("resolve-aliases", ("ids", unknown)).ConfigureAwait(false)).Each())
        {
            resolved[row.Text("alias")] = row.Text("id");
        }
    }

    /// <summary>The id a symbol is stored under: itself, or the joint symbol it is part of.</summary>
    private string Resolve(string id) => resolved.GetValueOrDefault(id, id);

    private Task<Neo4jRecords> RunAsync(string nameOrStatement, params (string Name, object? Value)[] parameters) =>
        tx.RunAsync(
            nameOrStatement.Contains(' ', StringComparison.Ordinal) ? nameOrStatement : Neo4jStatements.Get(nameOrStatement),
            parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal),
            cancellationToken);

    private static Dictionary<string, object?> Row(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> groups, TKey key, TValue value)
        where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var list))
        {
            groups[key] = list = [];
        }
        list.Add(value);
    }
}
