using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Graph.Worker.Monitoring;

/// <summary>
/// One reading of the worker's state, and its two renderings: the <c>/healthz</c> JSON and the <c>/metrics</c>
/// Prometheus text. Healthy means the store answered at the last attempt and the inbox can be read.
/// </summary>
internal sealed record HealthReport(
    string StoreAddress, bool StoreReachable, string InboxPath, bool InboxReadable,
    long Queue, long Loaded, long Failed, long Unchanged, long Retried, long References, double ReferencesPerSecond)
{
    // Addresses and paths are shown as written: no \u escapes for '+' in neo4j+s or for non-ASCII folder names.
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public bool Healthy => StoreReachable && InboxReadable;

    public static HealthReport Read(WorkerStatus status, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(options);
        return new HealthReport(
            status.StoreAddress, status.StoreReachable, options.Inbox, IsReadable(options.Inbox),
            status.Queue, status.Loaded, status.Failed, status.Unchanged, status.Retried, status.References, status.ReferencesPerSecond());
    }

    /// <summary>
    /// <c>{"status":"healthy","store":{"address":…,"reachable":true},"inbox":{"path":…,"readable":true},"queue":0,
    /// "loaded":5,"failed":0,"unchanged":0,"retried":0,"references":141}</c>, in that order.
    /// </summary>
    public byte[] Json()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartObject();
            json.WriteString("status", Healthy ? "healthy" : "unhealthy");
            json.WriteStartObject("store");
            json.WriteString("address", StoreAddress);
            json.WriteBoolean("reachable", StoreReachable);
            json.WriteEndObject();
            json.WriteStartObject("inbox");
            json.WriteString("path", InboxPath);
            json.WriteBoolean("readable", InboxReadable);
            json.WriteEndObject();
            json.WriteNumber("queue", Queue);
            json.WriteNumber("loaded", Loaded);
            json.WriteNumber("failed", Failed);
            json.WriteNumber("unchanged", Unchanged);
            json.WriteNumber("retried", Retried);
            json.WriteNumber("references", References);
            json.WriteNumber("referencesPerSecond", Math.Round(ReferencesPerSecond, 1));
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The Prometheus text exposition format 0.0.4: each metric with its HELP and TYPE lines.</summary>
    public string Prometheus()
    {
        var text = new StringBuilder();
        Metric(text, "graph_worker_files_loaded_total", "counter", "Files loaded into the store since the worker started.", Loaded);
        Metric(text, "graph_worker_files_failed_total", "counter", "Files moved to the failed folder since the worker started.", Failed);
        Metric(text, "graph_worker_files_unchanged_total", "counter", "Files skipped since the worker started because the store's journal holds them with the same content.", Unchanged);
        Metric(text, "graph_worker_batches_retried_total", "counter", "Batches tried again since the worker started because the store was unavailable.", Retried);
        Metric(text, "graph_worker_references_total", "counter", "References in the files loaded since the worker started.", References);
        Metric(text, "graph_worker_references_per_second", "gauge", "References loaded per second over the last minute.", ReferencesPerSecond);
        Metric(text, "graph_worker_queue_length", "gauge", "Files seen and not yet loaded or failed.", Queue);
        Metric(text, "graph_worker_store_up", "gauge", "1 when the store answered at the last attempt, else 0.", StoreReachable ? 1 : 0);
        return text.ToString();
    }

    private static void Metric(StringBuilder text, string name, string type, string help, double value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n{name} {value:0.###}\n");

    /// <summary>Whether the inbox exists and its entries can be listed now.</summary>
    private static bool IsReadable(string inbox)
    {
        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(inbox).GetEnumerator();
            entries.MoveNext();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
