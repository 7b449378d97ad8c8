using Graph.Export;
using Graph.Storage;
using Humanizer;

namespace Graph.Cli;

/// <summary>
/// <c>graph export --format F --out DIR</c>: writes the whole graph of an existing store in a format another
/// tool loads, then says what was written and, for the Neo4j formats, the command that loads it.
/// </summary>
internal static class ExportCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (Options.Parse("export", args, ["format", "out", .. Options.StoreOptions]) is not { } options)
        {
            return Usage.ExitUsage;
        }
        if (options.Positional.Count > 0)
        {
            return Usage.Fail($"export takes no positional arguments, but was given '{options.Positional[0]}'");
        }
        if (options["format"] is not { } format || !GraphExport.Formats.Contains(format, StringComparer.Ordinal))
        {
            return Usage.Fail($"export needs --format, one of: {string.Join(", ", GraphExport.Formats)}");
        }
        if (options["out"] is not { Length: > 0 } directory)
        {
            return Usage.Fail("export needs --out DIR, the folder to write into");
        }

        if (options.OpenExistingStore(stderr) is not { } store)
        {
            return 1;
        }
        await using (store.ConfigureAwait(false))
        {
            ExportResult result;
            try
            {
                result = await GraphExport.WriteAsync(store, format, directory).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"graph: cannot write the export into '{directory}': {e.Message}");
                return 1;
            }
            catch (GraphStoreException e)
            {
                stderr.WriteLine($"graph: {e.Message}");
                return 1;
            }

            stdout.WriteLine($"{"node".ToQuantity(result.Nodes)} and {"relationship".ToQuantity(result.Edges)} from {store.Address} written as {format}:");
            foreach (string file in result.Files)
            {
                stdout.WriteLine($"  {file}");
            }
            if (result.Command is { } command)
            {
                stdout.WriteLine("To load it, run:");
                stdout.WriteLine($"  {command}");
            }
            if (result.SkippedEdges > 0)
            {
                // A consistent store never has a dangling edge; say so rather than export a silently smaller graph.
                stderr.WriteLine($"graph: {"relationship".ToQuantity(result.SkippedEdges)} left out because an endpoint is missing from {store.Address}; the store is inconsistent");
                return 1;
            }
            return 0;
        }
    }
}
