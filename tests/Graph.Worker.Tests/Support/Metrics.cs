using System.Globalization;

namespace Graph.Worker.Tests.Support;

/// <summary>Reads the Prometheus text format of <c>/metrics</c>: sample name → value, labels summed.</summary>
internal static class Metrics
{
    public static readonly string[] Names =
    [
        "graph_worker_files_loaded_total",
        "graph_worker_files_failed_total",
        "graph_worker_files_unchanged_total",
        "graph_worker_batches_retried_total",
        "graph_worker_references_total",
        "graph_worker_references_per_second",
        "graph_worker_queue_length",
        "graph_worker_store_up",
    ];

    public static Dictionary<string, double> Parse(string text)
    {
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            int brace = line.IndexOf('{', StringComparison.Ordinal);
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            string name = line[..(brace >= 0 && brace < space ? brace : space)];
            string[] rest = line[(line.LastIndexOf('}') is >= 0 and var close ? close + 1 : space)..].Trim().Split(' ');
            double value = double.Parse(rest[0], NumberStyles.Float, CultureInfo.InvariantCulture);
            samples[name] = samples.GetValueOrDefault(name) + value;
        }
        return samples;
    }
}
