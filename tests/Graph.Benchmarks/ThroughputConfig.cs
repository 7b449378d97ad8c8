using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Graph.Benchmarks;

/// <summary>BenchmarkDotNet's defaults, grouped by category, with the input size and the throughput next to the time.</summary>
public static class ThroughputConfig
{
    public static IConfig Create() => ManualConfig.Create(DefaultConfig.Instance)
        .AddColumn(new InputColumn(throughput: false), new InputColumn(throughput: true))
        .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);

    /// <summary>
    /// The bytes of the document a benchmark reads (its <c>Language</c> parameter's <see cref="Sample"/>), or those bytes
    /// over the mean time: megabytes (10^6 bytes of UTF-8) a second, the figure to compare with the end-to-end script's.
    /// </summary>
    private sealed class InputColumn(bool throughput) : IColumn
    {
        public string Id => throughput ? "Throughput" : "InputBytes";

        public string ColumnName => throughput ? "MB/s" : "Bytes/op";

        public string Legend => throughput
            ? "Megabytes (10^6 bytes of UTF-8 input) processed per second: Bytes/op over the mean"
            : "Bytes of UTF-8 input one operation reads (the document of its Language)";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => throughput ? 1 : 0;

        public bool IsNumeric => true;

        public UnitType UnitType => throughput ? UnitType.Dimensionless : UnitType.Size;

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            if (benchmarkCase.Parameters["Language"] is not string language)
            {
                return "-";
            }
            int bytes = Samples.Of(language).Utf8.Length;
            if (!throughput)
            {
                return bytes.ToString(CultureInfo.InvariantCulture);
            }
            // The mean is in nanoseconds: bytes/ns × 10^9 / 10^6 = MB/s.
            return summary[benchmarkCase]?.ResultStatistics?.Mean is { } mean and > 0
                ? (bytes / mean * 1e3).ToString("F1", CultureInfo.InvariantCulture)
                : "-";
        }
    }
}
