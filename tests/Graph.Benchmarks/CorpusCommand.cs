using System.Diagnostics;
using System.Globalization;

namespace Graph.Benchmarks;

/// <summary>
/// Writes a corpus made by <see cref="CorpusGenerator"/>: <c>--out DIR</c>, and either <c>--documents N</c> or
/// <c>--megabytes M</c> (10^6 bytes), with <c>--seed S</c> (default 1). Prints one line: documents, bytes, seconds, MB/s.
/// </summary>
internal static class CorpusCommand
{
    private const string Usage = "usage: corpus --out DIR (--documents N | --megabytes M) [--seed S]";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? folder = null;
        int? documents = null;
        double? megabytes = null;
        int seed = 1;
        var setters = new Dictionary<string, Func<string?, bool>>(StringComparer.Ordinal)
        {
            ["--out"] = value => (folder = value) is not null,
            ["--documents"] = value => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 && n <= CorpusGenerator.MaxDocuments && (documents = n) > 0,
            ["--megabytes"] = value => double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double m) && m > 0 && (megabytes = m) > 0,
            ["--seed"] = value => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed),
        };
        if (!CommandOptions.TryApply("corpus", Usage, args, setters, stderr))
        {
            return 2;
        }
        if (folder is null || documents is null == megabytes is null)
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        var generator = new CorpusGenerator(seed);
        var clock = Stopwatch.StartNew();
        int count;
        long bytes;
        if (documents is { } wanted)
        {
            bytes = generator.Write(folder, wanted);
            count = wanted;
        }
        else
        {
            bytes = generator.WriteUntil(folder, (long)(megabytes!.Value * 1_000_000), out count);
        }
        double seconds = clock.Elapsed.TotalSeconds;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} documents, {bytes} bytes in {folder}, {seconds:F2} s, {bytes / 1e6 / seconds:F1} MB/s"));
        return 0;
    }
}
