namespace Graph.Cli;

/// <summary>The command line's help text and its usage errors (exit code 2).</summary>
internal static class Usage
{
    public const int ExitUsage = 2;

    private const string Text = """
        graph: UN resolutions into a graph of their cross-references.

        Usage:
          graph extract <file-or-folder>... [--format json|jsonl | --text] [--parallel N]
              Prints the references found in each file. Folders are walked recursively for *.txt and *.pdf;
              a PDF is read from its layout (no running heads, page footers or page numbers; footnotes
              linked to their markers) and each of its references carries its page.
              json (default) prints one array; jsonl prints one object a line as each file is done.
              --text prints the text the extractor reads instead (for a PDF, the text rebuilt from it):
              the text every start and length counts in.
              N files are extracted at once (default: one per core); the output is in file order all the same.

          graph build <file-or-folder>... [--store STORE] [--parallel N]
              Extracts every file and loads it into the graph, replacing what an earlier load of the same
              document or file said. Files that cannot be read or have no UN symbol are reported and skipped.
              N files are read and extracted at once (default: one per core) while the store loads the batch
              before; the files are loaded in the order listed, so the graph is the same for any N.

          graph precedents <id> [--depth N]     the resolutions and decisions that precede <id>: those it
                                                cites and the earlier members of its series (N steps back; 1)
          graph cites <id>                      what <id> cites, with the relation and the evidence
          graph cited-by <id>                   what cites <id>, likewise
          graph show <id>                       the node, its titles, links and degree
          graph stats [--top N]                 counts by label and type; the most-cited treaties and documents
              These take [--store STORE] [--format text|json]. An id is a symbol (A/RES/68/72; either part of a
              joint symbol), a treaty id (ccm), or any id the graph shows.

          graph export --format cypher|neo4j-admin|graphml|jsonl --out DIR [--store STORE]
              Writes the whole graph: a cypher-shell script, neo4j-admin import files (the command to run is
              printed), GraphML for Gephi, yEd and Cytoscape, or JSON Lines.

        STORE is sqlite:PATH (default sqlite:graph.db) or neo4j:URL (neo4j:http://localhost:7474, neo4j:https://HOST,
        neo4j:neo4j+s://ID.databases.neo4j.io for Aura). For Neo4j, --database NAME, --user NAME and --password PW,
        else NEO4J_DATABASE (default neo4j), NEO4J_USER and NEO4J_PASSWORD from the environment; prefer the
        environment for the password, which a command line shows to every user of the machine.

        Exit codes: 0 done; 1 some file could not be read or loaded (reported on stderr; the others were
        processed), or the store or node does not exist; 2 usage error.
        """;

    public static int Print(TextWriter to, int exitCode)
    {
        to.WriteLine(Text);
        return exitCode;
    }

    /// <summary>The usage error for a <c>--parallel</c> value <see cref="Parallelism"/> refuses, the same for every command.</summary>
    public const string ParallelismExpected = "--parallel takes a whole number of threads, 1 or more";

    /// <summary>A <c>--parallel</c> value: a whole number of threads from 1 to 1024, or null.</summary>
    public static int? Parallelism(string value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 1024 ? n : null;

    public static int Fail(string message)
    {
        Console.Error.WriteLine($"graph: {message}");
        Console.Error.WriteLine("Run 'graph --help' for usage.");
        return ExitUsage;
    }
}
