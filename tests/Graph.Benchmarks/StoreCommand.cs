using System.Diagnostics;
using System.Globalization;
using Graph.Building;
using Graph.Model;
using Graph.Pdf;
using Graph.Storage.Sqlite;
using Graph.Text;

namespace Graph.Benchmarks;

/// <summary>
/// The embedded store alone: <c>store --corpus DIR [--documents N] [--batch B]</c> extracts the corpus's files (all
/// of them, or the first N in the order <c>graph build</c> takes them) into memory first, then loads them into a new
/// SQLite file in a temp folder, B documents a transaction (default 512, as <c>build</c>), and prints one line:
/// documents, wall seconds, documents/s, the process's CPU seconds, the time collections paused it and what it
/// allocated, all counted over the load only. <c>build</c> overlaps extraction with loading; this separates what the
/// store costs from what extraction costs, and from the two competing for cores. Holding every graph in memory costs
/// about 20 KB a document (450 MB for 200 MB of text).
/// </summary>
internal static class StoreCommand
{
    private const string Usage = "usage: store --corpus DIR [--documents N] [--batch B]";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? corpus = null;
        int documents = int.MaxValue, batchSize = 512;
        var setters = new Dictionary<string, Func<string?, bool>>(StringComparer.Ordinal)
        {
            ["--corpus"] = value => (corpus = value) is not null,
            ["--documents"] = value => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out documents) && documents > 0,
            ["--batch"] = value => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out batchSize) && batchSize > 0,
        };
        if (!CommandOptions.TryApply("store", Usage, args, setters, stderr))
        {
            return 2;
        }
        if (corpus is null)
        {
            stderr.WriteLine(Usage);
            return 2;
        }
        var files = DocumentFiles.Expand([corpus], out var missing).Take(documents).ToList();
        if (missing.Count > 0 || files.Count == 0)
        {
            stderr.WriteLine($"store: no documents in {corpus}");
            return 1;
        }

        var graphs = new DocumentGraph?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            byte[] bytes = File.ReadAllBytes(files[i].FullPath);
            graphs[i] = DocumentFileReader.TryBuild(bytes, files[i].Name, GraphBuilder.ContentHash(bytes), out _);
        });
        var loadable = graphs.OfType<DocumentGraph>().ToList();

        string folder = Directory.CreateTempSubdirectory("graph-store-benchmark.").FullName;
        try
        {
            return Load(loadable, Path.Combine(folder, "graph.db"), batchSize, stdout).GetAwaiter().GetResult();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> Load(List<DocumentGraph> graphs, string path, int batchSize, TextWriter stdout)
    {
        await using var store = SqliteGraphStore.Open(path);
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        var cpu = process.TotalProcessorTime;
        var paused = GC.GetTotalPauseDuration();
        long allocated = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        foreach (var batch in graphs.Chunk(batchSize))
        {
            await store.LoadAsync(batch);
        }
        double seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{graphs.Count} documents in {seconds:F2} s ({graphs.Count / seconds:F0} documents/s), batches of {batchSize}: " +
            $"CPU {(process.TotalProcessorTime - cpu).TotalSeconds:F2} s, GC pauses {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s, " +
            $"{(GC.GetTotalAllocatedBytes() - allocated) / 1e6:F0} MB allocated"));
        return 0;
    }
}
