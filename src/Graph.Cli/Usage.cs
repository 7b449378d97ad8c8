namespace Graph.Cli;

/// <summary>The command line's help text and its usage errors (exit code 2).</summary>
internal static class Usage
{
    public const int ExitUsage = 2;

    private const string Text = """
        graph: UN resolutions into a graph of their cross-references.

        Usage:
          graph extract <file-or-folder>... [--format json|jsonl]
              Prints the references found in each file. Folders are walked recursively for *.txt.
              json (default) prints one array; jsonl prints one object a line as each file is done.

        Exit codes: 0 all files read; 1 some file could not be read (reported in the output and on stderr);
        2 usage error.
        """;

    public static int Print(TextWriter to, int exitCode)
    {
        to.WriteLine(Text);
        return exitCode;
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine($"graph: {message}");
        Console.Error.WriteLine("Run 'graph --help' for usage.");
        return ExitUsage;
    }
}
