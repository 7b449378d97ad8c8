using System.Runtime.CompilerServices;
using Graph.Model;
using Graph.Store;
using Microsoft.Data.Sqlite;

namespace Graph.Storage.Sqlite;

/// <summary>The read side: every query is parameterised and reads committed data only.</summary>
public sealed partial class SqliteGraphStore
{
    private const string EvidenceColumns =
        "from_id, type, to_id, source, language, file, surface, offset, length, part, paragraph, footnote, pinpoint, date, page";

    public Task<IReadOnlyDictionary<string, string>> LoadedFilesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var command = Command("SELECT file, max(hash) FROM sources GROUP BY file");
        using var reader = command.ExecuteReader();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            files[reader.GetString(0)] = reader.GetString(1);
        }
        return Task.FromResult<IReadOnlyDictionary<string, string>>(files);
    }

    public Task<GraphNode?> FindNodeAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        using var command = Command(
            """
            SELECT id, label, name, ingested, properties FROM nodes
            WHERE id = coalesce((SELECT a.id FROM aliases a WHERE a.alias = $id), $id)
            """,
            ("$id", id));
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? ReadNode(reader) : null);
    }

    /// <remarks>
    /// What documents say about other nodes is in <c>evidence_from</c>; what a document says about itself is found
    /// through the sources of that document (see <see cref="SqliteSchema"/>).
    /// </remarks>
    public Task<IReadOnlyList<GraphEdge>> OutgoingAsync(string id, CancellationToken cancellationToken = default) =>
        Edges(
            $"""
            SELECT {EvidenceColumns}, seq FROM evidence WHERE from_id = $id AND own = 0
            UNION ALL
            SELECT {EvidenceColumns}, seq FROM evidence
            WHERE source IN (SELECT source FROM sources WHERE symbol = $id) AND own = 1 AND from_id = $id
            ORDER BY type, to_id, source, offset, seq
            """,
            id,
            cancellationToken);

    public Task<IReadOnlyList<GraphEdge>> IncomingAsync(string id, CancellationToken cancellationToken = default) =>
        Edges($"SELECT {EvidenceColumns} FROM evidence WHERE to_id = $id ORDER BY type, from_id, source, offset, seq", id, cancellationToken);

    private Task<IReadOnlyList<GraphEdge>> Edges(string sql, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        using var resolve = Command("SELECT coalesce((SELECT id FROM aliases WHERE alias = $id), $id)", ("$id", id));
        string key = (string)resolve.ExecuteScalar()!;
        using var command = Command(sql, ("$id", key));
        using var reader = command.ExecuteReader();
        IReadOnlyList<GraphEdge> edges = [.. GroupEdges(reader)];
        return Task.FromResult(edges);
    }

    public async IAsyncEnumerable<GraphNode> NodesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var command = Command("SELECT id, label, name, ingested, properties FROM nodes ORDER BY label, id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ReadNode(reader);
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public async IAsyncEnumerable<GraphEdge> EdgesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var command = Command($"SELECT {EvidenceColumns} FROM evidence ORDER BY from_id, type, to_id, source, offset, seq");
        using var reader = command.ExecuteReader();
        foreach (var edge in GroupEdges(reader))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return edge;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<GraphStatistics> StatisticsAsync(int top = 10, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        cancellationToken.ThrowIfCancellationRequested();
        using var read = connection.BeginTransaction(deferred: true);
        int sources;
        using (var command = Command("SELECT count(*) FROM sources"))
        {
            command.Transaction = read;
            sources = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        var nodes = new Dictionary<NodeLabel, (int, int)>();
        using (var command = Command("SELECT label, count(*), sum(ingested) FROM nodes GROUP BY label"))
        {
            command.Transaction = read;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (NodeLabels.Parse(reader.GetString(0)) is { } label)
                {
                    nodes[label] = (reader.GetInt32(1), reader.GetInt32(2));
                }
            }
        }
        var edges = new SortedDictionary<string, int>(StringComparer.Ordinal);
        using (var command = Command("SELECT type, count(*) FROM (SELECT DISTINCT from_id, type, to_id FROM evidence) GROUP BY type"))
        {
            command.Transaction = read;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                edges[reader.GetString(0)] = reader.GetInt32(1);
            }
        }
        var treaties = MostCited(read, ["Treaty"], top);
        var documents = MostCited(read, ["Resolution", "Decision", "Document"], top);
        read.Commit();
        return Task.FromResult(new GraphStatistics(sources, nodes, edges, treaties, documents));
    }

    /// <summary>Nodes with the given labels by the number of distinct nodes that cite them (citation edges only).</summary>
    private List<CitedNode> MostCited(SqliteTransaction read, string[] labels, int top)
    {
        var structural = EdgeTypes.Structural;
        string labelList = string.Join(", ", labels.Select((_, i) => "$label" + Text(i)));
        string typeList = string.Join(", ", structural.Select((_, i) => "$type" + Text(i)));
        using var command = Command(
            $"""
            SELECT n.id, n.label, n.name, count(DISTINCT e.from_id) AS cited
            FROM evidence e JOIN nodes n ON n.id = e.to_id
            WHERE n.label IN ({labelList}) AND e.type NOT IN ({typeList})
            GROUP BY n.id ORDER BY cited DESC, n.id LIMIT $top
            """,
            [.. labels.Select((l, i) => ("$label" + Text(i), (object?)l)), .. structural.Select((t, i) => ("$type" + Text(i), (object?)t)), ("$top", top)]);
        command.Transaction = read;
        using var reader = command.ExecuteReader();
        var result = new List<CitedNode>();
        while (reader.Read())
        {
            result.Add(new CitedNode(reader.GetString(0), NodeLabels.Parse(reader.GetString(1)) ?? NodeLabel.Document, reader.GetString(2), reader.GetInt32(3)));
        }
        return result;
    }

    private static GraphNode ReadNode(SqliteDataReader reader) => new(
        reader.GetString(0),
        NodeLabels.Parse(reader.GetString(1)) ?? NodeLabel.Document,
        reader.GetString(2),
        reader.GetInt64(3) != 0,
        GraphProperties.FromJson(reader.GetString(4)));

    /// <summary>Rows of evidence ordered by edge become one edge each, with all its evidence.</summary>
    private static IEnumerable<GraphEdge> GroupEdges(SqliteDataReader reader)
    {
        (string From, string Type, string To)? current = null;
        var evidence = new List<Evidence>();
        while (reader.Read())
        {
            var key = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            if (current is { } c && c != key)
            {
                yield return new GraphEdge(c.From, c.Type, c.To, evidence);
                evidence = [];
            }
            current = key;
            evidence.Add(new Evidence
            {
                Source = reader.GetString(3),
                Language = reader.GetString(4),
                File = reader.GetString(5),
                Surface = reader.IsDBNull(6) ? null : reader.GetString(6),
                Offset = reader.IsDBNull(7) ? null : reader.GetInt32(7),
                Length = reader.IsDBNull(8) ? null : reader.GetInt32(8),
                Paragraph = reader.IsDBNull(9) ? null : new Paragraph(reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetInt32(10)),
                Footnote = reader.IsDBNull(11) ? null : reader.GetInt32(11),
                Pinpoint = reader.IsDBNull(12) ? null : reader.GetString(12),
                Date = reader.IsDBNull(13) ? null : reader.GetString(13),
                Page = reader.IsDBNull(14) ? null : reader.GetInt32(14),
            });
        }
        if (current is { } last)
        {
            yield return new GraphEdge(last.From, last.Type, last.To, evidence);
        }
    }
}
