using Graph.Building;
using Graph.Model;
using Microsoft.Data.Sqlite;

namespace Graph.Storage.Sqlite;

/// <summary>
/// One batch being written inside its transaction: replaces sources, records aliases, then re-merges every
/// node whose claims changed and re-derives the series.
/// </summary>
internal sealed class SqliteBatch : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly HashSet<string> affected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> resolved = new(StringComparer.Ordinal);
    private readonly SqliteCommand insertClaim;
    private readonly SqliteCommand insertEvidence;
    private bool resolutionsChanged;

    public SqliteBatch(SqliteConnection connection, SqliteTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
        insertClaim = Prepare(
            "INSERT INTO claims (node, source, label, own, properties) VALUES ($node, $source, $label, $own, $properties)",
            "$node", "$source", "$label", "$own", "$properties");
        insertEvidence = Prepare(
            """
            INSERT INTO evidence (source, from_id, type, to_id, language, file, surface, offset, length, part, paragraph, footnote, pinpoint, date)
            VALUES ($source, $from, $type, $to, $language, $file, $surface, $offset, $length, $part, $paragraph, $footnote, $pinpoint, $date)
            """,
            "$source", "$from", "$type", "$to", "$language", "$file", "$surface", "$offset", "$length", "$part", "$paragraph", "$footnote", "$pinpoint", "$date");
    }

    public void Dispose()
    {
        insertClaim.Dispose();
        insertEvidence.Dispose();
    }

    /// <summary>Replaces what the document's source, and any source loaded from the same file, said before.</summary>
    public void Replace(DocumentGraph document)
    {
        foreach (var (alias, id) in document.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            AddAlias(alias, id, document.Source);
        }
        var replaced = new List<string>();
        using (var old = Command("SELECT source FROM sources WHERE source = $source OR file = $file", ("$source", document.Source), ("$file", document.File)))
        using (var reader = old.ExecuteReader())
        {
            while (reader.Read())
            {
                replaced.Add(reader.GetString(0));
            }
        }
        foreach (string source in replaced)
        {
            Remove(source);
        }
        Execute(
            "INSERT INTO sources (source, file, language, symbol, label, refs, loaded_at, hash) VALUES ($source, $file, $language, $symbol, $label, $refs, $at, $hash)",
            ("$source", document.Source), ("$file", document.File), ("$language", document.Language), ("$symbol", Resolve(document.Symbol)),
            ("$label", document.Label.ToString()), ("$refs", document.References), ("$at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            ("$hash", document.ContentHash ?? ""));
        foreach (var claim in NodeMerger.Collapse(document.Nodes, Resolve))
        {
            Run(insertClaim, claim.Id, document.Source, claim.Label.ToString(), claim.Own ? 1 : 0, GraphProperties.ToJson(claim.Properties));
            affected.Add(claim.Id);
        }
        foreach (var edge in document.Edges)
        {
            InsertEvidence(Resolve(edge.From), edge.Type, Resolve(edge.To), edge.Evidence);
        }
        resolutionsChanged |= document.Label == NodeLabel.Resolution;
    }

    /// <summary>Re-merges every node whose claims changed; a node nothing claims any more is deleted.</summary>
    public void MergeAffectedNodes()
    {
        using var read = Command("SELECT source, label, own, properties FROM claims WHERE node = $node", ("$node", ""));
        using var upsert = Command(
            "INSERT OR REPLACE INTO nodes (id, label, name, ingested, properties) VALUES ($id, $label, $name, $ingested, $properties)",
            ("$id", ""), ("$label", ""), ("$name", ""), ("$ingested", 0), ("$properties", ""));
        using var delete = Command("DELETE FROM nodes WHERE id = $id", ("$id", ""));
        foreach (string id in affected.Order(StringComparer.Ordinal))
        {
            read.Parameters["$node"].Value = id;
            var claims = new List<(string, NodeClaim)>();
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                {
                    var label = NodeLabels.Parse(reader.GetString(1)) ?? NodeLabel.Document;
                    claims.Add((reader.GetString(0), new NodeClaim(id, label, reader.GetInt64(2) != 0, GraphProperties.FromJson(reader.GetString(3)))));
                }
            }
            if (NodeMerger.Merge(id, claims) is { } node)
            {
                Run(upsert, node.Id, node.Label.ToString(), node.Name, node.Ingested ? 1 : 0, GraphProperties.ToJson(node.Properties));
            }
            else
            {
                Run(delete, id);
            }
        }
        affected.Clear();
    }

    /// <summary>
    /// Recomputes the series from every ingested resolution's titles, when a resolution came or went in this
    /// batch. Each IN_SERIES edge has one piece of evidence per language: the title, in the member's own file.
    /// </summary>
    public void DeriveSeries()
    {
        if (!resolutionsChanged)
        {
            return;
        }
        using (var old = Command("SELECT node FROM claims WHERE source = $source", ("$source", SeriesIndex.Source)))
        using (var reader = old.ExecuteReader())
        {
            while (reader.Read())
            {
                affected.Add(reader.GetString(0));
            }
        }
        Execute("DELETE FROM claims WHERE source = $source", ("$source", SeriesIndex.Source));
        Execute("DELETE FROM evidence WHERE source = $source", ("$source", SeriesIndex.Source));
        var resolutions = new List<(string, IReadOnlyDictionary<string, string>)>();
        using (var read = Command("SELECT id, properties FROM nodes WHERE label = 'Resolution' AND ingested = 1"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                var properties = GraphProperties.FromJson(reader.GetString(1));
                var titles = properties
                    .Where(p => p.Key.StartsWith("title_", StringComparison.Ordinal) && p.Value is string)
                    .ToDictionary(p => p.Key["title_".Length..], p => (string)p.Value, StringComparer.Ordinal);
                resolutions.Add((reader.GetString(0), titles));
            }
        }
        var titlesOf = resolutions.ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
        using var file = Command("SELECT file FROM sources WHERE source = $source", ("$source", ""));
        foreach (var series in SeriesIndex.Find(resolutions))
        {
            var properties = series.Titles.ToDictionary(t => "title_" + t.Key, t => (object)t.Value, StringComparer.Ordinal);
            properties["members"] = (long)series.Members.Count;
            Run(insertClaim, series.Id, SeriesIndex.Source, NodeLabel.Series.ToString(), 0, GraphProperties.ToJson(properties));
            affected.Add(series.Id);
            foreach (string member in series.Members)
            {
                foreach (var (language, title) in titlesOf[member].OrderBy(t => t.Key, StringComparer.Ordinal))
                {
                    file.Parameters["$source"].Value = GraphBuilder.SourceKey(member, language);
                    InsertEvidence(member, EdgeTypes.InSeries, series.Id, new Evidence
                    {
                        Source = SeriesIndex.Source,
                        Language = language,
                        File = file.ExecuteScalar() as string ?? "",
                        Surface = title,
                    });
                }
            }
        }
    }

    private void InsertEvidence(string from, string type, string to, Evidence e) =>
        Run(insertEvidence, e.Source, from, type, to, e.Language, e.File, e.Surface, e.Offset, e.Length,
            e.Paragraph?.Part, e.Paragraph?.Number, e.Footnote, e.Pinpoint, e.Date);

    /// <summary>
    /// Records that <paramref name="alias"/> names the node <paramref name="id"/> (a part of a joint symbol), and
    /// moves whatever was stored under the alias to that node. The first joint symbol to claim a part keeps it.
    /// </summary>
    private void AddAlias(string alias, string id, string source)
    {
        if (alias == id || Resolve(alias) != alias || Resolve(id) != id)
        {
            return;
        }
        Execute("INSERT INTO aliases (alias, id, source) VALUES ($alias, $id, $source)", ("$alias", alias), ("$id", id), ("$source", source));
        resolved[alias] = id;
        // A source that named both the part and the joint symbol keeps its claim on the joint one.
        Execute("UPDATE OR IGNORE claims SET node = $id WHERE node = $alias", ("$id", id), ("$alias", alias));
        Execute("DELETE FROM claims WHERE node = $alias", ("$alias", alias));
        Execute("UPDATE evidence SET from_id = $id WHERE from_id = $alias", ("$id", id), ("$alias", alias));
        Execute("UPDATE evidence SET to_id = $id WHERE to_id = $alias", ("$id", id), ("$alias", alias));
        Execute("UPDATE sources SET symbol = $id WHERE symbol = $alias", ("$id", id), ("$alias", alias));
        affected.Add(alias);
        affected.Add(id);
    }

    private void Remove(string source)
    {
        using (var nodes = Command("SELECT node, own, label FROM claims WHERE source = $source", ("$source", source)))
        using (var reader = nodes.ExecuteReader())
        {
            while (reader.Read())
            {
                affected.Add(reader.GetString(0));
                resolutionsChanged |= reader.GetInt64(1) != 0 && reader.GetString(2) == nameof(NodeLabel.Resolution);
            }
        }
        Execute("DELETE FROM claims WHERE source = $source", ("$source", source));
        Execute("DELETE FROM evidence WHERE source = $source", ("$source", source));
        Execute("DELETE FROM sources WHERE source = $source", ("$source", source));
    }

    /// <summary>The id a symbol is stored under: itself, or the joint symbol it is part of.</summary>
    private string Resolve(string id)
    {
        if (resolved.TryGetValue(id, out string? target))
        {
            return target;
        }
        using var lookup = Command("SELECT id FROM aliases WHERE alias = $alias", ("$alias", id));
        target = lookup.ExecuteScalar() as string ?? id;
        resolved[id] = target;
        return target;
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (string name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }
}
