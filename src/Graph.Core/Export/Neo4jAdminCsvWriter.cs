using System.Text;
using Graph.Model;
using Graph.Store;

namespace Graph.Export;

/// <summary>
/// CSV files for <c>neo4j-admin database import full</c> (Neo4j 5 and later), which builds a new database
/// offline far faster than Cypher can: <c>nodes-&lt;Label&gt;.csv</c> per label, <c>relationships-&lt;TYPE&gt;.csv</c>
/// per type, and <c>import.sh</c> holding the command (also returned as <see cref="ExportResult.Command"/>).
/// </summary>
/// <remarks>
/// <para>Headers follow the import tool's format: <c>id:ID,name,ingested:boolean,&lt;key&gt;[:type]…,:LABEL</c> with
/// the label's property keys in ordinal order, and <c>:START_ID,:END_ID,:TYPE,count:long,languages:string[],
/// surfaces:string[],pinpoints:string[],evidence:string[]</c>. Ids share one global id space, as they are unique
/// across labels, and are kept in the <c>id</c> property.</para>
/// <para>Every value is quoted (RFC 4180: an inner quote is doubled; the tool does not read backslash escapes
/// unless asked to with --legacy-style-quoting). A property a node lacks is an empty unquoted field, which the
/// tool reads as "no property", whereas <c>""</c> is an empty string. Array elements are joined with U+001F
/// (passed as --array-delimiter), so the ';' and '|' of evidence JSON and document text stay inside their
/// element; a U+001F inside an element, which no document should hold, becomes U+FFFD. Fields may span lines
/// (surfaces do), hence --multiline-fields=true. The tool does not import empty arrays: an edge without
/// surfaces or pinpoints has no such property after import.</para>
/// </remarks>
internal static class Neo4jAdminCsvWriter
{
    public const string ScriptName = "import.sh";

    /// <summary>The database the command replaces; Neo4j's default.</summary>
    public const string Database = "neo4j";

    public const char ArrayDelimiter = '\u001F';

    private const string RelationshipHeader = ":START_ID,:END_ID,:TYPE,count:long,languages:string[],surfaces:string[],pinpoints:string[],evidence:string[]";

    private static readonly UTF8Encoding Utf8 = new(false);

    public static async Task<ExportResult> WriteAsync(IGraphStore store, string directory, CancellationToken ct)
    {
        await using var spool = await NodeSpool.FillAsync(store, directory, ct).ConfigureAwait(false);
        var nodeFiles = await WriteNodesAsync(spool, directory, ct).ConfigureAwait(false);

        var relationshipFiles = new SortedDictionary<string, (string Path, StreamWriter Writer)>(StringComparer.Ordinal);
        int edges = 0, skipped = 0;
        try
        {
            await foreach (var edge in store.EdgesAsync(ct).ConfigureAwait(false))
            {
                string type = ExportValues.RelationshipType(edge.Type);
                if (!spool.Labels.ContainsKey(edge.From) || !spool.Labels.ContainsKey(edge.To))
                {
                    skipped++;
                    continue;
                }
                if (!relationshipFiles.TryGetValue(type, out var file))
                {
                    string path = Path.Combine(directory, $"relationships-{type}.csv");
                    relationshipFiles[type] = file = (path, Create(path));
                    await file.Writer.WriteLineAsync(RelationshipHeader.AsMemory(), ct).ConfigureAwait(false);
                }
                await file.Writer.WriteLineAsync(RelationshipRow(edge, type).AsMemory(), ct).ConfigureAwait(false);
                edges++;
            }
        }
        finally
        {
            foreach (var file in relationshipFiles.Values)
            {
                await file.Writer.DisposeAsync().ConfigureAwait(false);
            }
        }

        var relationshipPaths = relationshipFiles.Values.Select(f => f.Path).ToList();
        string command = Command(nodeFiles, relationshipPaths);
        string script = Path.Combine(directory, ScriptName);
        await File.WriteAllTextAsync(script, Script(command), Utf8, ct).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, File.GetUnixFileMode(script) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
        return new ExportResult([.. nodeFiles, .. relationshipPaths, script], spool.Count, edges, command, skipped);
    }

    private static async Task<List<string>> WriteNodesAsync(NodeSpool spool, string directory, CancellationToken ct)
    {
        var files = new Dictionary<NodeLabel, StreamWriter>();
        var paths = new List<string>();
        try
        {
            foreach (var (label, keys) in spool.Keys)
            {
                string path = Path.Combine(directory, $"nodes-{ExportValues.Label(label)}.csv");
                paths.Add(path);
                var file = Create(path);
                files[label] = file;
                var header = new[] { "id:ID", "name", "ingested:boolean" }
                    .Concat(keys.Select(k => k.Key + TypeSuffix(k.Value)))
                    .Append(":LABEL");
                await file.WriteLineAsync(string.Join(',', header).AsMemory(), ct).ConfigureAwait(false);
            }
            await foreach (var node in spool.ReadAsync(ct).ConfigureAwait(false))
            {
                await files[node.Label].WriteLineAsync(NodeRow(node, spool.Keys[node.Label]).AsMemory(), ct).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var file in files.Values)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }
        }
        return paths;
    }

    private static StreamWriter Create(string path) => new(path, append: false, Utf8, 1 << 16) { NewLine = "\n" };

    private static string TypeSuffix(PropertyKind kind) => kind switch
    {
        PropertyKind.Integer => ":long",
        PropertyKind.Boolean => ":boolean",
        PropertyKind.TextList => ":string[]",
        _ => "",
    };

    private static string NodeRow(GraphNode node, SortedDictionary<string, PropertyKind> keys)
    {
        var s = new StringBuilder();
        AppendQuoted(s, node.Id);
        s.Append(',');
        AppendQuoted(s, node.Name);
        s.Append(',');
        AppendQuoted(s, node.Ingested ? "true" : "false");
        foreach (var (key, kind) in keys)
        {
            s.Append(',');
            if (node.Properties.TryGetValue(key, out var value))
            {
                AppendValue(s, value, kind);
            }
        }
        s.Append(',');
        AppendQuoted(s, node.Label.ToString());
        return s.ToString();
    }

    private static string RelationshipRow(GraphEdge edge, string type)
    {
        var s = new StringBuilder();
        AppendQuoted(s, edge.From);
        s.Append(',');
        AppendQuoted(s, edge.To);
        s.Append(',');
        AppendQuoted(s, type);
        s.Append(',');
        AppendQuoted(s, ExportValues.AsText(edge.Evidence.Count, ""));
        foreach (var list in new[] { edge.Languages, edge.Surfaces, edge.Pinpoints, ExportValues.EvidenceJson(edge) })
        {
            s.Append(',');
            AppendValue(s, list, PropertyKind.TextList);
        }
        return s.ToString();
    }

    /// <summary>A value in a column of the given kind; a value of another kind (mixed columns are text) as text.</summary>
    private static void AppendValue(StringBuilder s, object value, PropertyKind kind)
    {
        if (kind == PropertyKind.TextList && value is IEnumerable<string> list)
        {
            var items = list.Select(i => i.Replace(ArrayDelimiter, '\uFFFD')).ToList();
            // An empty array is left empty and unquoted: the tool imports none, and "" would be one empty element.
            if (items.Count > 0)
            {
                AppendQuoted(s, string.Join(ArrayDelimiter, items));
            }
        }
        else
        {
            AppendQuoted(s, ExportValues.AsText(value, "; "));
        }
    }

    private static void AppendQuoted(StringBuilder s, string value) =>
        s.Append('"').Append(ExportValues.PairedSurrogates(value).Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');

    /// <summary>
    /// The database name comes right after <c>full</c>: --nodes and --relationships take several values, and the
    /// tool's argument parser would otherwise read a trailing database name as one more file (Operations
    /// Manual, "Full import", tips and limitations).
    /// </summary>
    private static string Command(IEnumerable<string> nodeFiles, IEnumerable<string> relationshipFiles)
    {
        var words = new List<string>
        {
            "neo4j-admin", "database", "import", "full", Database,
            "--overwrite-destination", "--multiline-fields=true", "--array-delimiter=U+001F",
        };
        words.AddRange(nodeFiles.Select(f => "--nodes=" + f));
        words.AddRange(relationshipFiles.Select(f => "--relationships=" + f));
        return string.Join(' ', words.Select(ShellWords.Quote));
    }

    private static string Script(string command) =>
        $"""
        #!/bin/sh
        # Loads the exported graph with neo4j-admin (Neo4j 5 or later; neo4j-admin must be on the PATH).
        # The database '{Database}' must be stopped first (neo4j stop, or STOP DATABASE {Database}).
        # This REPLACES that database: --overwrite-destination deletes its files before the import.
        # Afterwards start it and create the constraints and indexes: cypher-shell -f cypher/schema.cypher
        set -e
        {command}

        """;
}
