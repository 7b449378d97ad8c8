using System.Globalization;
using Graph.Building;
using Graph.Model;

namespace Graph.Storage.Sqlite;

/// <summary>
/// One batch being written inside its transaction: replaces sources, records aliases, then re-merges every node
/// whose merge may have changed and updates the series those changes touch. The work follows what changed, not
/// the size of the graph: a source loaded again saying what it said before writes nothing but its journal row,
/// and a node is merged from its distinct claims (<c>node_shapes</c>), however many sources make them.
/// </summary>
/// <remarks>
/// The merge rule (<see cref="NodeMerger"/>) lets the first source stating a value win and unites lists, so of the
/// claims saying exactly the same thing only the ordinal first counts: a merge needs each distinct claim on the
/// node with its first source, which <c>node_shapes</c> keeps with the number of claims of each. A claim added to
/// a shape that already has an earlier source, or taken from one that keeps an earlier source, cannot change the
/// node, which is then not merged again; so a node cited alike by thousands of documents costs a count each.
/// </remarks>
internal sealed class SqliteBatch
{
    private readonly SqliteStatements sql;
    private readonly HashSet<string> affected = new(StringComparer.Ordinal);
    private readonly HashSet<string> ownChanged = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> resolved = new(StringComparer.Ordinal);

    /// <summary>The claims added and not yet counted in <c>node_shapes</c>: how many on each shape, and the least source.</summary>
    private readonly Dictionary<Shape, (string First, long Claims)> shapesAdded = [];
    private readonly SqliteSeries series;

    /// <param name="sql">The connection's statements; the caller has opened the batch's transaction.</param>
    public SqliteBatch(SqliteStatements sql)
    {
        this.sql = sql;
        series = new SqliteSeries(sql, this);
    }

    /// <summary>One piece of evidence as a row of <c>evidence</c>, without its source.</summary>
    private readonly record struct EvidenceRow(
        string From, string Type, string To, string Language, string File, string? Surface, long? Offset, long? Length,
        string? Part, long? Paragraph, long? Footnote, string? Pinpoint, string? Date, long? Page, long Own);

    /// <summary>What one source claims about one node, as stored.</summary>
    internal readonly record struct ClaimRow(string Label, long Own, string Properties);

    /// <summary>A row of <c>node_shapes</c>: a distinct claim on a node, whoever makes it.</summary>
    private readonly record struct Shape(string Node, ClaimRow Claim) : IComparable<Shape>
    {
        public int CompareTo(Shape other)
        {
            int c = string.CompareOrdinal(Node, other.Node);
            if (c == 0)
            {
                c = Claim.Own.CompareTo(other.Claim.Own);
            }
            if (c == 0)
            {
                c = string.CompareOrdinal(Claim.Label, other.Claim.Label);
            }
            return c != 0 ? c : string.CompareOrdinal(Claim.Properties, other.Claim.Properties);
        }
    }

    /// <summary>Replaces what the document's source, and any source loaded from the same file, said before.</summary>
    public void Replace(DocumentGraph document)
    {
        foreach (var (alias, id) in document.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            AddAlias(alias, id, document.Source);
        }
        bool reloaded = false;
        var others = new List<string>();
        using (var rows = sql.SourcesReplacedBy.Read(document.Source, document.File))
        {
            while (rows.Next())
            {
                string source = rows.Text(0);
                if (source == document.Source)
                {
                    reloaded = true;
                }
                else
                {
                    others.Add(source);
                }
            }
        }
        foreach (string source in others)
        {
            Remove(source);
        }
        sql.WriteSource.Execute(
            document.Source, document.File, document.Language, Resolve(document.Symbol), document.Label.ToString(), document.References,
            DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), document.ContentHash ?? "");
        ReplaceClaims(document, reloaded);
        ReplaceEvidence(document, reloaded);
    }

    /// <summary>
    /// Merges every node whose merge may have changed, updates the series those nodes touch, then merges the series
    /// nodes that changed; the batch is then complete.
    /// </summary>
    public void Finish()
    {
        MergeAffectedNodes();
        series.Update();
        MergeAffectedNodes();
    }

    /// <summary>
    /// Derives every series afresh into empty series tables, replacing the series claims and evidence an older
    /// version of the store wrote: the migration to schema 3.
    /// </summary>
    public void RebuildSeries()
    {
        Remove(SeriesIndex.Source);
        series.Rebuild();
        MergeAffectedNodes();
    }

    /// <summary>Makes <paramref name="source"/>'s claim on <paramref name="node"/> say <paramref name="claim"/>, or removes it (null).</summary>
    internal void SetClaim(string node, string source, ClaimRow? claim)
    {
        ClaimRow? before = null;
        using (var rows = sql.Claim.Read(node, source))
        {
            if (rows.Next())
            {
                before = new ClaimRow(rows.Text(0), rows.Integer(1), rows.Text(2));
            }
        }
        if (before == claim)
        {
            return;
        }
        if (before is { } old)
        {
            DropClaim(node, source, old);
        }
        if (claim is { } now)
        {
            AddClaim(node, source, now);
        }
    }

    /// <summary>
    /// Writes the document's claims. A source loaded before keeps the rows it states again unchanged, so only the
    /// nodes whose claims really changed are merged again.
    /// </summary>
    private void ReplaceClaims(DocumentGraph document, bool reloaded)
    {
        var old = reloaded
            ? ReadClaims(sql.ClaimsOf, document.Source).ToDictionary(c => c.Key, c => c.Claim, StringComparer.Ordinal)
            : new Dictionary<string, ClaimRow>(StringComparer.Ordinal);
        foreach (var claim in NodeMerger.Collapse(document.Nodes, Resolve))
        {
            var row = new ClaimRow(claim.Label.ToString(), claim.Own ? 1 : 0, SqliteJson.Properties(claim.Properties));
            if (old.Remove(claim.Id, out var before))
            {
                if (before == row)
                {
                    continue;
                }
                DropClaim(claim.Id, document.Source, before);
            }
            AddClaim(claim.Id, document.Source, row);
        }
        foreach (var (node, before) in old)
        {
            DropClaim(node, document.Source, before);
        }
    }

    /// <summary>
    /// Writes the document's evidence; a source loaded before that states the same evidence, in the same order,
    /// keeps its rows.
    /// </summary>
    private void ReplaceEvidence(DocumentGraph document, bool reloaded)
    {
        var evidence = new List<EvidenceRow>(document.Edges.Count);
        string symbol = Resolve(document.Symbol);
        foreach (var edge in document.Edges)
        {
            var e = edge.Evidence;
            string from = Resolve(edge.From);
            evidence.Add(new EvidenceRow(
                from, edge.Type, Resolve(edge.To), e.Language, e.File, e.Surface, e.Offset, e.Length,
                e.Paragraph?.Part, e.Paragraph?.Number, e.Footnote, e.Pinpoint, e.Date, e.Page, from == symbol ? 1 : 0));
        }
        if (reloaded)
        {
            var old = new List<EvidenceRow>(evidence.Count);
            using (var rows = sql.EvidenceOf.Read(document.Source))
            {
                while (rows.Next())
                {
                    old.Add(new EvidenceRow(
                        rows.Text(0), rows.Text(1), rows.Text(2), rows.Text(3), rows.Text(4),
                        rows.TextOrNull(5), rows.IntegerOrNull(6), rows.IntegerOrNull(7), rows.TextOrNull(8), rows.IntegerOrNull(9), rows.IntegerOrNull(10),
                        rows.TextOrNull(11), rows.TextOrNull(12), rows.IntegerOrNull(13), rows.Integer(14)));
                }
            }
            if (old.SequenceEqual(evidence))
            {
                return;
            }
            sql.DeleteEvidenceOf.Execute(document.Source);
        }
        long seq = 0;
        foreach (var r in evidence)
        {
            sql.InsertEvidence.Execute(
                document.Source, ++seq, r.From, r.Type, r.To, r.Language, r.File, r.Surface, r.Offset, r.Length, r.Part, r.Paragraph, r.Footnote, r.Pinpoint, r.Date, r.Page, r.Own);
        }
    }

    /// <summary>Stores a claim the source does not hold yet; it is counted in its shape by <see cref="CountShapes"/>.</summary>
    private void AddClaim(string node, string source, ClaimRow claim)
    {
        sql.InsertClaim.Execute(node, source, claim.Label, claim.Own, claim.Properties);
        var shape = new Shape(node, claim);
        shapesAdded[shape] = shapesAdded.TryGetValue(shape, out var added)
            ? (string.CompareOrdinal(source, added.First) < 0 ? source : added.First, added.Claims + 1)
            : (source, 1);
    }

    /// <summary>
    /// Counts the claims added since the last call in their shapes, one statement or two a shape: a batch's documents
    /// mostly cite the same sessions, meetings and treaties, so they add many claims to few shapes (a 200 MB build:
    /// 543,000 claims, 128,000 shapes), and a statement for each claim was a tenth of the load (storing 200 MB of
    /// documents: 17.4 -> 15.7 s of CPU). Applying the sum is
    /// what applying them one by one gives: the count grows by the claims added, and the first source is the
    /// least of the shape's and theirs. Runs before anything reads <c>node_shapes</c>: taking a claim out of its shape,
    /// and merging.
    /// </summary>
    private void CountShapes()
    {
        if (shapesAdded.Count == 0)
        {
            return;
        }
        // In key order, so that the shapes of a node are written together, and the same way whatever the batch held.
        var shapes = shapesAdded.ToArray();
        shapesAdded.Clear();
        Array.Sort(shapes, (a, b) => a.Key.CompareTo(b.Key));
        foreach (var (shape, (first, claims)) in shapes)
        {
            var (node, claim) = (shape.Node, shape.Claim);
            // More claims on a shape an earlier source already makes change nothing the merge reads; a new shape, or
            // a new first source for one, does.
            if (sql.RepeatShape.Execute(claims, node, claim.Own, claim.Label, claim.Properties, first) == 0)
            {
                sql.AddShape.Execute(node, claim.Own, claim.Label, claim.Properties, first, claims);
                Affect(node, claim);
            }
        }
    }

    /// <summary>Deletes a claim the source holds, and takes it out of its shape.</summary>
    private void DropClaim(string node, string source, ClaimRow claim)
    {
        CountShapes();
        sql.DeleteClaim.Execute(node, source);
        string first;
        long left;
        using (var shape = sql.SubtractShape.Read(node, claim.Own, claim.Label, claim.Properties))
        {
            if (!shape.Next())
            {
                throw new InvalidOperationException($"the store counts no claim like {source}'s on {node}: node_shapes does not match claims");
            }
            (first, left) = (shape.Text(0), shape.Integer(1));
        }
        if (left == 0)
        {
            sql.DeleteShape.Execute(node, claim.Own, claim.Label, claim.Properties);
            Affect(node, claim);
        }
        else if (first == source)
        {
            sql.RefreshShape.Execute(node, claim.Own, claim.Label, claim.Properties);
            Affect(node, claim);
        }
    }

    private void Affect(string node, ClaimRow claim)
    {
        affected.Add(node);
        if (claim.Own != 0)
        {
            ownChanged.Add(node);
        }
    }

    /// <summary>
    /// Re-merges every node whose merge may have changed, from its distinct claims; a node nothing claims any more
    /// is deleted. The series hear of every node that is, or was, ingested: only those can be members.
    /// </summary>
    private void MergeAffectedNodes()
    {
        CountShapes();
        var ids = affected.ToArray();
        affected.Clear();
        Array.Sort(ids, StringComparer.Ordinal);
        foreach (string id in ids)
        {
            var claims = new List<(string, NodeClaim)>();
            using (var rows = sql.Shapes.Read(id))
            {
                while (rows.Next())
                {
                    var label = NodeLabels.Parse(rows.Text(1)) ?? NodeLabel.Document;
                    claims.Add((rows.Text(3), new NodeClaim(id, label, rows.Integer(0) != 0, GraphProperties.FromJson(rows.Text(2)))));
                }
            }
            var node = NodeMerger.Merge(id, claims);
            if (node is not null)
            {
                sql.WriteNode.Execute(node.Id, node.Label.ToString(), node.Name, node.Ingested ? 1L : 0L, SqliteJson.Properties(node.Properties));
            }
            else
            {
                sql.DeleteNode.Execute(id);
            }
            // A node is ingested exactly when some claim on it is its own, so one that is not, and whose own claims
            // did not change in this batch, was not ingested before either.
            if (node is { Ingested: true } || ownChanged.Contains(id))
            {
                series.Track(id, node);
            }
        }
    }

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
        sql.InsertAlias.Execute(alias, id, source);
        resolved[alias] = id;
        foreach (var (claimant, claim) in ReadClaims(sql.ClaimsOn, alias))
        {
            DropClaim(alias, claimant, claim);
            // A source that named both the part and the joint symbol keeps its claim on the joint one.
            if (sql.Claim.Scalar(id, claimant) is null)
            {
                AddClaim(id, claimant, claim);
            }
        }
        sql.MoveEvidenceFrom.Execute(id, alias);
        sql.MoveOwnEvidenceFrom.Execute(id, alias);
        sql.MoveEvidenceTo.Execute(id, alias);
        sql.MoveSymbol.Execute(id, alias);
        affected.Add(alias);
        affected.Add(id);
    }

    /// <summary>
    /// The claims a statement reads (<see cref="SqliteStatements.ClaimsOf"/>: node and claim of a source;
    /// <see cref="SqliteStatements.ClaimsOn"/>: source and claim on a node), read whole before any is changed.
    /// </summary>
    private static List<(string Key, ClaimRow Claim)> ReadClaims(SqliteStatement statement, string value)
    {
        var claims = new List<(string, ClaimRow)>();
        using var rows = statement.Read(value);
        while (rows.Next())
        {
            claims.Add((rows.Text(0), new ClaimRow(rows.Text(1), rows.Integer(2), rows.Text(3))));
        }
        return claims;
    }

    /// <summary>Removes everything a source said: another document loaded from its file replaces it.</summary>
    private void Remove(string source)
    {
        foreach (var (node, claim) in ReadClaims(sql.ClaimsOf, source))
        {
            DropClaim(node, source, claim);
        }
        sql.DeleteEvidenceOf.Execute(source);
        sql.DeleteSource.Execute(source);
    }

    /// <summary>The id a symbol is stored under: itself, or the joint symbol it is part of.</summary>
    private string Resolve(string id)
    {
        if (!resolved.TryGetValue(id, out string? target))
        {
            target = sql.Resolve.Scalar(id) as string ?? id;
            resolved[id] = target;
        }
        return target;
    }
}
