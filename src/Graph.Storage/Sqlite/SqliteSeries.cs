using Graph.Building;
using Graph.Model;

namespace Graph.Storage.Sqlite;

/// <summary>
/// Keeps the series (<see cref="SeriesIndex"/>) up to date batch by batch, with work proportional to what the batch
/// changed rather than to the graph: deriving every series again after each batch made a load quadratic, since a
/// series of thousands of resolutions was read, deleted and written again by every batch that added one.
/// </summary>
/// <remarks>
/// <para>
/// What the series are derived from is kept in <c>series_members</c>: each ingested resolution's title in each
/// language, its title key (<see cref="SeriesIndex.Key"/>) and the file of that language version. Resolutions
/// sharing a key are one series, and a resolution with titles under several keys joins them, so a series is a
/// connected group of keys. Everything the naming rule needs is added up per key, never per member:
/// <c>series_titles</c> counts the members writing each title under a key, <c>series_keys.firsts</c> the members
/// whose ordinal first key it is (so a group's members are the sum of its keys' firsts, each member counted once),
/// and <c>series_links</c> joins a member's first key to each of its other keys. A group's keys, members and
/// titles are then found by walking its keys, however many members it has.
/// </para>
/// <para>
/// <see cref="Track"/> sees every node a batch merges and applies a resolution whose titles or files changed to
/// those sums; <see cref="Update"/> walks the groups of the keys touched, names each (<see cref="SeriesIndex.Name"/>),
/// and rewrites a member's IN_SERIES evidence only when the member changed or its group's series id did. The
/// result is what <see cref="SeriesIndex.Find"/> over the whole graph gives; the storage tests check that after
/// loads, reloads and removals.
/// </para>
/// </remarks>
internal sealed class SqliteSeries(SqliteStatements sql, SqliteBatch batch)
{
    private readonly SortedSet<string> dirtyKeys = new(StringComparer.Ordinal);
    private readonly SortedSet<string> changedMembers = new(StringComparer.Ordinal);

    /// <summary>The last <c>seq</c> of the series' evidence, read once a batch: rows are numbered on in the order written.</summary>
    private long? lastSeq;

    /// <summary>One title of a member as the series see it.</summary>
    private readonly record struct MemberTitle(string Language, string Title, string Key, string File);

    /// <summary>
    /// Compares what <paramref name="id"/>, just merged (null: deleted), gives the series with what it gave before,
    /// and applies any difference to the sums. Only an ingested resolution gives anything: its titles.
    /// </summary>
    public void Track(string id, GraphNode? node)
    {
        var now = TitlesOf(id, node);
        var before = new List<MemberTitle>();
        using (var rows = sql.MemberTitles.Read(id))
        {
            while (rows.Next())
            {
                before.Add(new MemberTitle(rows.Text(0), rows.Text(1), rows.Text(2), rows.Text(3)));
            }
        }
        if (before.SequenceEqual(now))
        {
            return;
        }
        if (before.Count > 0)
        {
            Count(before, -1);
            sql.DeleteMember.Execute(id);
        }
        foreach (var title in now)
        {
            sql.InsertMemberTitle.Execute(id, title.Language, title.Title, title.Key, title.File);
        }
        Count(now, +1);
        changedMembers.Add(id);
    }

    /// <summary>
    /// Re-derives the series of every group a tracked change touched: writes the claim of each series that changed
    /// (so the batch merges its node), removes those that are gone, and rewrites the IN_SERIES
    /// evidence of the members that changed or whose series id did.
    /// </summary>
    public void Update()
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var before = new HashSet<string>(StringComparer.Ordinal);
        var after = new HashSet<string>(StringComparer.Ordinal);
        var rewrite = new SortedSet<string>(changedMembers, StringComparer.Ordinal);
        foreach (string start in dirtyKeys)
        {
            if (!visited.Add(start))
            {
                continue;
            }
            if (!HasMembers(start))
            {
                if (SeriesOf(start) is { } gone)
                {
                    before.Add(gone);
                }
                sql.DeleteKey.Execute(start);
                continue;
            }
            var group = Group(start, visited);
            long members = 0;
            var titles = new List<(string Language, string Title, long Count)>();
            var previous = new List<(string Key, string? Series)>();
            foreach (string key in group)
            {
                using (var rows = sql.Key.Read(key))
                {
                    rows.Next();
                    members += rows.Integer(0);
                    previous.Add((key, rows.IsNull(1) ? null : rows.Text(1)));
                }
                string language = key[..key.IndexOf(':', StringComparison.Ordinal)];
                using (var rows = sql.TitlesOfKey.Read(key))
                {
                    while (rows.Next())
                    {
                        titles.Add((language, rows.Text(0), rows.Integer(1)));
                    }
                }
            }
            // A title carried by one resolution only is no series.
            string? id = null;
            IReadOnlyDictionary<string, string> named = new Dictionary<string, string>();
            if (members >= 2)
            {
                (id, named) = SeriesIndex.Name(titles);
            }
            foreach (var (key, old) in previous)
            {
                if (old is not null)
                {
                    before.Add(old);
                }
                if (old != id)
                {
                    sql.SetKeySeries.Execute(id, key);
                    using var rows = sql.MembersWithKey.Read(key);
                    while (rows.Next())
                    {
                        rewrite.Add(rows.Text(0));
                    }
                }
            }
            if (id is not null)
            {
                after.Add(id);
                batch.SetClaim(id, SeriesIndex.Source, new SqliteBatch.ClaimRow(
                    nameof(NodeLabel.Series), 0, SqliteJson.Properties(SeriesIndex.Properties(named, members))));
            }
        }
        foreach (string gone in before.Where(id => !after.Contains(id)))
        {
            batch.SetClaim(gone, SeriesIndex.Source, null);
        }
        foreach (string member in rewrite)
        {
            WriteEvidence(member);
        }
        dirtyKeys.Clear();
        changedMembers.Clear();
    }

    /// <summary>
    /// Fills empty series tables from the graph's ingested resolutions and derives every series from them, as
    /// <see cref="Update"/> does after a batch that added them all: the migration to schema 3. The caller has
    /// removed the series claims and evidence an older version derived.
    /// </summary>
    public void Rebuild()
    {
        // Streamed: the statements Track runs write only the series tables, which this read does not see.
        using (var rows = sql.IngestedResolutions.Read())
        {
            while (rows.Next())
            {
                string id = rows.Text(0);
                Track(id, new GraphNode(id, NodeLabel.Resolution, rows.Text(2), true, GraphProperties.FromJson(rows.Text(4))));
            }
        }
        Update();
    }

    /// <summary>The member's IN_SERIES evidence, written again: one per language, the title in the file of that language version.</summary>
    private void WriteEvidence(string member)
    {
        // Looked for before it is deleted: a DELETE costs SQLite much more than a SELECT, even when it finds
        // nothing, and most members written have no evidence yet.
        if (sql.EvidenceFrom.Scalar(member, EdgeTypes.InSeries, SeriesIndex.Source) is not null)
        {
            sql.DeleteEvidenceFrom.Execute(member, EdgeTypes.InSeries, SeriesIndex.Source);
        }
        var titles = new List<MemberTitle>();
        using (var rows = sql.MemberTitles.Read(member))
        {
            while (rows.Next())
            {
                titles.Add(new MemberTitle(rows.Text(0), rows.Text(1), rows.Text(2), rows.Text(3)));
            }
        }
        if (titles.Count == 0 || SeriesOf(titles[0].Key) is not { } series)
        {
            return;
        }
        lastSeq ??= sql.LastSeq.Scalar(SeriesIndex.Source) as long? ?? 0;
        foreach (var title in titles)
        {
            sql.InsertEvidence.Execute(
                SeriesIndex.Source, ++lastSeq, member, EdgeTypes.InSeries, series, title.Language, title.File, title.Title,
                null, null, null, null, null, null, null, null, 0L);
        }
    }

    /// <summary>The keys joined to <paramref name="start"/> by some member, <paramref name="start"/> included; marks them visited.</summary>
    private List<string> Group(string start, HashSet<string> visited)
    {
        var group = new List<string> { start };
        visited.Add(start);
        for (int i = 0; i < group.Count; i++)
        {
            using var rows = sql.LinkedKeys.Read(group[i]);
            while (rows.Next())
            {
                string key = rows.Text(0);
                if (visited.Add(key))
                {
                    group.Add(key);
                }
            }
        }
        return group;
    }

    private bool HasMembers(string key)
    {
        using var rows = sql.TitlesOfKey.Read(key);
        return rows.Next();
    }

    private string? SeriesOf(string key)
    {
        using var rows = sql.Key.Read(key);
        return rows.Next() && !rows.IsNull(1) ? rows.Text(1) : null;
    }

    /// <summary>Adds a member's titles to the sums (<paramref name="sign"/> +1), or takes them away (-1).</summary>
    private void Count(List<MemberTitle> titles, int sign)
    {
        if (titles.Count == 0)
        {
            return;
        }
        string first = titles.Select(t => t.Key).Min(StringComparer.Ordinal)!;
        foreach (var title in titles)
        {
            sql.AddTitle.Execute(title.Key, title.Title, sign);
            sql.AddKey.Execute(title.Key, title.Key == first ? sign : 0);
            if (title.Key != first)
            {
                sql.AddLink.Execute(first, title.Key, sign);
            }
            if (sign < 0)
            {
                sql.DropTitle.Execute(title.Key, title.Title);
                if (title.Key != first)
                {
                    sql.DropLink.Execute(first, title.Key);
                }
            }
            dirtyKeys.Add(title.Key);
        }
    }

    /// <summary>What a node gives the series: an ingested resolution's titles, by language, each with its key and file.</summary>
    private List<MemberTitle> TitlesOf(string id, GraphNode? node)
    {
        var titles = new List<MemberTitle>();
        if (node is not { Label: NodeLabel.Resolution, Ingested: true })
        {
            return titles;
        }
        foreach (var (key, value) in node.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (key.StartsWith("title_", StringComparison.Ordinal) && value is string title)
            {
                string language = key["title_".Length..];
                string file = sql.SourceFile.Scalar(GraphBuilder.SourceKey(id, language)) as string ?? "";
                titles.Add(new MemberTitle(language, title, SeriesIndex.Key(language, title), file));
            }
        }
        return titles;
    }
}
