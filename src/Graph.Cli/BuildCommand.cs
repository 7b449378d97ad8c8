using System.Diagnostics;
using System.Runtime;
using Graph.Building;
using Graph.Model;
using Graph.Pdf;
using Graph.Storage;
using Graph.Store;
using Graph.Text;
using Humanizer;

namespace Graph.Cli;

/// <summary>
/// <c>build</c>: extracts every file and loads it into the store, a batch per transaction. A file that cannot be
/// read or placed in the graph is reported and skipped; the rest load. Progress goes to stderr (a live line on a
/// terminal, a log line per batch otherwise); the closing summary goes to stdout.
/// </summary>
/// <remarks>
/// Files are read and extracted <c>--parallel</c> at a time (<see cref="BuildPipeline"/>) while the store loads the
/// batch before, and they reach the store in the order they were listed, whatever finished first: so the batches,
/// the graph, the journal and every message are the same whatever the parallelism.
/// </remarks>
internal static class BuildCommand
{
    /// <summary>
    /// Files per batch, and so per transaction. A large batch lets the store write each index page it touches once
    /// for many documents; a refused batch is retried one document at a time, so size costs nothing then.
    /// </summary>
    internal const int BatchSize = 512;

    /// <summary>
    /// How many files may be extracted ahead of the batch being filled: enough to keep the extractors busy while
    /// the store loads, few enough that the documents waiting are a small part of memory.
    /// </summary>
    private const int Lookahead = BatchSize / 2;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (Options.Parse("build", args, [.. Options.StoreOptions, "parallel"]) is not { } options)
        {
            return Usage.ExitUsage;
        }
        int parallel = Environment.ProcessorCount;
        if (options["parallel"] is { } written)
        {
            if (Usage.Parallelism(written) is not { } asked)
            {
                return Usage.Fail(Usage.ParallelismExpected);
            }
            parallel = asked;
        }
        if (options.Positional.Count == 0)
        {
            return Usage.Fail("build needs at least one file or folder");
        }
        var files = DocumentFiles.Expand(options.Positional, out var missing);
        var failures = missing.Select(m => (File: m.Replace('\\', '/'), Error: "no such file or folder")).ToList();
        IGraphStore store;
        try
        {
            store = options.OpenStore(create: true);
        }
        catch (GraphStoreException e)
        {
            stderr.WriteLine($"graph: {e.Message}");
            return 1;
        }
        await using (store.ConfigureAwait(false))
        {
            // A build is a batch job. Documents wait in the pipeline long enough to reach the oldest generation,
            // which the background collector seldom compacts: on a gigabyte of text the holes they left grew the
            // heap by a hundred megabytes. Blocking collections compact it, and take no core from the extractors.
            GCSettings.LatencyMode = GCLatencyMode.Batch;
            using var pipeline = new BuildPipeline(files, parallel, Lookahead, Extract);
            var progress = new Progress(stderr, files.Count);
            var loaded = new Dictionary<string, NodeLabel>(StringComparer.Ordinal);
            int documents = 0, references = 0;
            var clock = Stopwatch.StartNew();
            int handled = 0;
            var batch = new List<DocumentGraph>(BatchSize);
            while (handled < files.Count)
            {
                int chunk = Math.Min(BatchSize, files.Count - handled);
                batch.Clear();
                for (int i = 0; i < chunk; i++)
                {
                    var (file, graph, error) = await pipeline.NextAsync().ConfigureAwait(false);
                    if (graph is not null)
                    {
                        batch.Add(graph);
                    }
                    else
                    {
                        failures.Add((file, error!));
                        stderr.WriteLine($"graph: {file}: {error}");
                    }
                }
                List<(DocumentGraph Graph, string? Error)> outcomes;
                try
                {
                    outcomes = await LoadAsync(store, batch).ConfigureAwait(false);
                }
                catch (GraphStoreUnavailableException e)
                {
                    // No document is to blame and none after it would load: stop, and say how far the run got.
                    progress.Done();
                    stderr.WriteLine($"graph: {e.Message}");
                    stdout.WriteLine(Summary(documents, loaded, references, failures, store.Address, clock.Elapsed));
                    int notLoaded = batch.Count + files.Count - handled - chunk;
                    stdout.WriteLine($"Stopped: the store cannot be reached; {"file".ToQuantity(notLoaded)} not loaded.");
                    return 1;
                }
                foreach (var (graph, error) in outcomes)
                {
                    if (error is null)
                    {
                        documents++;
                        references += graph.References;
                        loaded[graph.Symbol] = graph.Label;
                    }
                    else
                    {
                        failures.Add((graph.File, error));
                        stderr.WriteLine($"graph: {graph.File}: {error}");
                    }
                }
                handled += chunk;
                progress.Advance(chunk, failures.Count);
            }
            progress.Done();
            stdout.WriteLine(Summary(documents, loaded, references, failures, store.Address, clock.Elapsed));
        }
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Reads and extracts one file: pure and thread-safe, so any number run at once.</summary>
    private static (string File, DocumentGraph? Graph, string? Error) Extract(DocumentFile file)
    {
        if (FileBytes.TryRead(file, out string? error) is not { } bytes)
        {
            return (file.Name, null, error);
        }
        // The content hash goes into the store's journal, which the worker reads to skip unchanged files.
        var graph = DocumentFileReader.TryBuild(bytes, file.Name, GraphBuilder.ContentHash(bytes), out error);
        return (file.Name, graph, error);
    }

    /// <summary>
    /// Loads the batch in one transaction. If the store refuses it, each document is tried alone, so one bad
    /// document costs only itself; a refused transaction leaves the store as it was.
    /// </summary>
    private static async Task<List<(DocumentGraph Graph, string? Error)>> LoadAsync(IGraphStore store, List<DocumentGraph> batch)
    {
        try
        {
            await store.LoadAsync(batch).ConfigureAwait(false);
            return [.. batch.Select(g => (g, (string?)null))];
        }
        catch (GraphStoreException e) when (batch.Count > 1 && e is not GraphStoreUnavailableException)
        {
            var results = new List<(DocumentGraph, string?)>();
            foreach (var graph in batch)
            {
                try
                {
                    await store.LoadAsync([graph]).ConfigureAwait(false);
                    results.Add((graph, null));
                }
                catch (GraphStoreException refused) when (refused is not GraphStoreUnavailableException)
                {
                    results.Add((graph, refused.Message));
                }
            }
            return results;
        }
        catch (GraphStoreException e) when (e is not GraphStoreUnavailableException)
        {
            return [.. batch.Select(g => (g, (string?)e.Message))];
        }
    }

    /// <summary>"5 documents loaded (4 resolutions), 141 references, into sqlite:graph.db in 2 seconds; 1 file failed: …".</summary>
    internal static string Summary(
        int documents, Dictionary<string, NodeLabel> loaded, int references, List<(string File, string Error)> failures, string address, TimeSpan elapsed)
    {
        var kinds = loaded.Values
            .GroupBy(l => l)
            .OrderBy(g => g.Key)
            .Select(g => Noun(g.Key).ToQuantity(g.Count(), "N0", System.Globalization.CultureInfo.InvariantCulture));
        string text = $"{"document".ToQuantity(documents, "N0", System.Globalization.CultureInfo.InvariantCulture)} loaded"
            + (loaded.Count > 0 ? $" ({string.Join(", ", kinds)})" : "")
            + $", {"reference".ToQuantity(references, "N0", System.Globalization.CultureInfo.InvariantCulture)}, into {address}"
            + $" in {elapsed.Humanize(precision: 1, culture: System.Globalization.CultureInfo.InvariantCulture)}";
        if (failures.Count > 0)
        {
            text += $"; {"file".ToQuantity(failures.Count)} failed: " + string.Join("; ", failures.Select(f => $"{f.File} ({f.Error})"));
        }
        return text;
    }

    private static string Noun(NodeLabel label) => label switch
    {
        NodeLabel.AgendaItem => "agenda item",
        _ => label.ToString().ToLowerInvariant(),
    };

    /// <summary>Progress on stderr: a line rewritten in place on a terminal, a plain line per batch in a log.</summary>
    private sealed class Progress(TextWriter stderr, int total)
    {
        private readonly bool live = !Console.IsErrorRedirected && ReferenceEquals(stderr, Console.Error);
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private int done;

        public void Advance(int files, int failed)
        {
            done += files;
            double rate = done / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            string line = string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{done:N0} of {"file".ToQuantity(total, "N0", System.Globalization.CultureInfo.InvariantCulture)} ({100.0 * done / Math.Max(total, 1):0}%), {failed:N0} failed, {rate:N0} files/s");
            if (live)
            {
                stderr.Write($"\rgraph: {line}   ");
            }
            else
            {
                stderr.WriteLine($"graph: loaded {line}");
            }
        }

        public void Done()
        {
            if (live && done > 0)
            {
                stderr.WriteLine();
            }
        }
    }
}
