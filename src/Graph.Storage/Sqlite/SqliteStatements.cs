using Microsoft.Data.Sqlite;

namespace Graph.Storage.Sqlite;

/// <summary>
/// Every statement a load runs, prepared on first use and kept for the life of the connection, so every batch
/// reuses them (see <see cref="SqliteStatement"/>). Values are passed in the order the parameters first appear.
/// They run in whatever transaction the connection has open: the store opens one for each batch.
/// </summary>
internal sealed class SqliteStatements(SqliteConnection connection) : IDisposable
{
    private readonly List<SqliteStatement> all = [];

    // Sources: the journal, one row per language version of a document.
    public SqliteStatement SourcesReplacedBy => field ??= Add("SELECT source FROM sources WHERE source = $source OR file = $file");

    public SqliteStatement WriteSource => field ??= Add(
        """
        INSERT INTO sources (source, file, language, symbol, label, refs, loaded_at, hash)
        VALUES ($source, $file, $language, $symbol, $label, $refs, $at, $hash)
        ON CONFLICT (source) DO UPDATE SET file = excluded.file, language = excluded.language, symbol = excluded.symbol,
            label = excluded.label, refs = excluded.refs, loaded_at = excluded.loaded_at, hash = excluded.hash
        """);

    public SqliteStatement DeleteSource => field ??= Add("DELETE FROM sources WHERE source = $source");

    public SqliteStatement SourceFile => field ??= Add("SELECT file FROM sources WHERE source = $source");

    // Claims: what each source says about each node.
    public SqliteStatement ClaimsOf => field ??= Add("SELECT node, label, own, properties FROM claims WHERE source = $source");

    public SqliteStatement Claim => field ??= Add("SELECT label, own, properties FROM claims WHERE node = $node AND source = $source");

    public SqliteStatement ClaimsOn => field ??= Add("SELECT source, label, own, properties FROM claims WHERE node = $node");

    public SqliteStatement InsertClaim => field ??= Add(
        "INSERT INTO claims (node, source, label, own, properties) VALUES ($node, $source, $label, $own, $properties)");

    public SqliteStatement DeleteClaim => field ??= Add("DELETE FROM claims WHERE node = $node AND source = $source");

    /// <summary>Counts more claims in a shape that a source earlier than all of theirs already makes; changes no row otherwise.</summary>
    public SqliteStatement RepeatShape => field ??= Add(
        """
        UPDATE node_shapes SET claims = claims + $claims
        WHERE node = $node AND own = $own AND label = $label AND properties = $properties AND first_source < $source
        """);

    /// <summary>Counts claims in their shape, whose first source the least of theirs then is.</summary>
    public SqliteStatement AddShape => field ??= Add(
        """
        INSERT INTO node_shapes (node, own, label, properties, first_source, claims) VALUES ($node, $own, $label, $properties, $source, $claims)
        ON CONFLICT (node, own, label, properties) DO UPDATE SET claims = claims + excluded.claims, first_source = excluded.first_source
        """);

    /// <summary>Takes a claim out of its shape's count; gives the shape's first source and count after it.</summary>
    public SqliteStatement SubtractShape => field ??= Add(
        """
        UPDATE node_shapes SET claims = claims - 1 WHERE node = $node AND own = $own AND label = $label AND properties = $properties
        RETURNING first_source, claims
        """);

    public SqliteStatement DeleteShape => field ??= Add(
        "DELETE FROM node_shapes WHERE node = $node AND own = $own AND label = $label AND properties = $properties");

    /// <summary>A shape's first source again, from its claims: only when the first one is taken away.</summary>
    public SqliteStatement RefreshShape => field ??= Add(
        """
        UPDATE node_shapes SET first_source = (
            SELECT min(c.source) FROM claims c
            WHERE c.node = $node AND c.own = $own AND c.label = $label AND c.properties = $properties)
        WHERE node = $node AND own = $own AND label = $label AND properties = $properties
        """);

    /// <summary>What a merge reads: each distinct claim on a node with the ordinal first source making it.</summary>
    public SqliteStatement Shapes => field ??= Add("SELECT own, label, properties, first_source FROM node_shapes WHERE node = $node");

    // Evidence: each statement of an edge by a source.
    public SqliteStatement EvidenceOf => field ??= Add(
        """
        SELECT from_id, type, to_id, language, file, surface, offset, length, part, paragraph, footnote, pinpoint, date, page, own
        FROM evidence WHERE source = $source ORDER BY seq
        """);

    /// <summary>Evidence with <c>own</c> 1 is what the source's document says about itself (see <see cref="SqliteSchema"/>).</summary>
    public SqliteStatement InsertEvidence => field ??= Add(
        """
        INSERT INTO evidence (source, seq, from_id, type, to_id, language, file, surface, offset, length, part, paragraph, footnote, pinpoint, date, page, own)
        VALUES ($source, $seq, $from, $type, $to, $language, $file, $surface, $offset, $length, $part, $paragraph, $footnote, $pinpoint, $date, $page, $own)
        """);

    public SqliteStatement LastSeq => field ??= Add("SELECT max(seq) FROM evidence WHERE source = $source");

    public SqliteStatement DeleteEvidenceOf => field ??= Add("DELETE FROM evidence WHERE source = $source");

    // Of the evidence of a source that states nothing about itself (the series'), found through evidence_from.
    public SqliteStatement EvidenceFrom => field ??= Add(
        "SELECT 1 FROM evidence WHERE from_id = $from AND own = 0 AND type = $type AND source = $source LIMIT 1");

    public SqliteStatement DeleteEvidenceFrom => field ??= Add(
        "DELETE FROM evidence WHERE from_id = $from AND own = 0 AND type = $type AND source = $source");

    // Nodes: each merged from its claims. A node merged to what it already was is not written again.
    public SqliteStatement WriteNode => field ??= Add(
        """
        INSERT INTO nodes (id, label, name, ingested, properties) VALUES ($id, $label, $name, $ingested, $properties)
        ON CONFLICT (id) DO UPDATE SET label = excluded.label, name = excluded.name, ingested = excluded.ingested, properties = excluded.properties
        WHERE nodes.label IS NOT excluded.label OR nodes.name IS NOT excluded.name
            OR nodes.ingested IS NOT excluded.ingested OR nodes.properties IS NOT excluded.properties
        """);

    public SqliteStatement DeleteNode => field ??= Add("DELETE FROM nodes WHERE id = $id");

    public SqliteStatement IngestedResolutions => field ??= Add(
        "SELECT id, label, name, ingested, properties FROM nodes WHERE label = 'Resolution' AND ingested = 1 ORDER BY id");

    // Aliases: the parts of joint symbols.
    public SqliteStatement Resolve => field ??= Add("SELECT id FROM aliases WHERE alias = $alias");

    public SqliteStatement InsertAlias => field ??= Add("INSERT INTO aliases (alias, id, source) VALUES ($alias, $id, $source)");

    public SqliteStatement MoveEvidenceFrom => field ??= Add("UPDATE evidence SET from_id = $id WHERE from_id = $alias AND own = 0");

    /// <summary>What the documents under <c>$alias</c> say about themselves: run before <see cref="MoveSymbol"/>.</summary>
    public SqliteStatement MoveOwnEvidenceFrom => field ??= Add(
        "UPDATE evidence SET from_id = $id WHERE source IN (SELECT source FROM sources WHERE symbol = $alias) AND own = 1 AND from_id = $alias");

    public SqliteStatement MoveEvidenceTo => field ??= Add("UPDATE evidence SET to_id = $id WHERE to_id = $alias");

    public SqliteStatement MoveSymbol => field ??= Add("UPDATE sources SET symbol = $id WHERE symbol = $alias");

    // Series: the titles of ingested resolutions, and what each title key adds up to (see SqliteSeries).
    public SqliteStatement MemberTitles => field ??= Add("SELECT language, title, key, file FROM series_members WHERE member = $member ORDER BY language");

    public SqliteStatement InsertMemberTitle => field ??= Add(
        "INSERT INTO series_members (member, language, title, key, file) VALUES ($member, $language, $title, $key, $file)");

    public SqliteStatement DeleteMember => field ??= Add("DELETE FROM series_members WHERE member = $member");

    public SqliteStatement MembersWithKey => field ??= Add("SELECT member FROM series_members WHERE key = $key");

    public SqliteStatement AddTitle => field ??= Add(
        """
        INSERT INTO series_titles (key, title, count) VALUES ($key, $title, $count)
        ON CONFLICT (key, title) DO UPDATE SET count = count + excluded.count
        """);

    public SqliteStatement DropTitle => field ??= Add("DELETE FROM series_titles WHERE key = $key AND title = $title AND count <= 0");

    public SqliteStatement TitlesOfKey => field ??= Add("SELECT title, count FROM series_titles WHERE key = $key");

    public SqliteStatement AddKey => field ??= Add(
        """
        INSERT INTO series_keys (key, firsts, series) VALUES ($key, $firsts, NULL)
        ON CONFLICT (key) DO UPDATE SET firsts = firsts + excluded.firsts
        """);

    public SqliteStatement Key => field ??= Add("SELECT firsts, series FROM series_keys WHERE key = $key");

    public SqliteStatement SetKeySeries => field ??= Add("UPDATE series_keys SET series = $series WHERE key = $key");

    public SqliteStatement DeleteKey => field ??= Add("DELETE FROM series_keys WHERE key = $key");

    public SqliteStatement AddLink => field ??= Add(
        """
        INSERT INTO series_links (a, b, count) VALUES ($a, $b, $count)
        ON CONFLICT (a, b) DO UPDATE SET count = count + excluded.count
        """);

    public SqliteStatement DropLink => field ??= Add("DELETE FROM series_links WHERE a = $a AND b = $b AND count <= 0");

    public SqliteStatement LinkedKeys => field ??= Add("SELECT b FROM series_links WHERE a = $key UNION SELECT a FROM series_links WHERE b = $key");

    public void Dispose()
    {
        foreach (var statement in all)
        {
            statement.Dispose();
        }
        all.Clear();
    }

    private SqliteStatement Add(string sql)
    {
        var statement = new SqliteStatement(connection, sql);
        all.Add(statement);
        return statement;
    }
}
