using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Graph.Tests.Shared;

/// <summary>
/// Makes any number of resolutions from the seeds, for tests and benchmarks that need more text than five files.
/// Document <c>i</c> is seed <c>i mod 5</c> with its own symbol (unique in the corpus), the resolutions it cites
/// renumbered (some replaced by earlier documents of the corpus, so the corpus cites itself), its report numbers
/// changed and its dates moved by the same years and days; every other character is the seed's, noise and all,
/// so a copy has the seed's shape and as many references.
/// </summary>
/// <remarks>
/// Deterministic: a document depends only on the random seed and its index, never on which documents were made
/// before it, so two runs, or two processes, agree byte for byte. Thread-safe: nothing changes after construction.
/// </remarks>
internal sealed class CorpusGenerator
{
    /// <summary>Own numbers run 1000–9999 (the extractor reads a number of at most four digits), then again with a letter A–Z.</summary>
    private const int NumbersPerLetter = 9000;

    /// <summary>The most documents one corpus can hold with unique symbols: 243,000 (about 2 GB).</summary>
    public const int MaxDocuments = NumbersPerLetter * 27;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly int randomSeed;
    private readonly CorpusSeed[] seeds;
    private readonly int maxDocumentLength;

    /// <summary>Reads the seeds of the repository (<c>seeds/*.txt</c>, in ordinal order of their names).</summary>
    public CorpusGenerator(int randomSeed)
        : this(randomSeed, Repository.Path("seeds"))
    {
    }

    /// <summary>Reads the seeds in <paramref name="seedsFolder"/> (<c>*.txt</c>, in ordinal order of their names).</summary>
    /// <exception cref="InvalidDataException">When the folder has no seed, or a seed names no symbol of its own.</exception>
    public CorpusGenerator(int randomSeed, string seedsFolder)
    {
        ArgumentNullException.ThrowIfNull(seedsFolder);
        this.randomSeed = randomSeed;
        seeds = [.. Directory.EnumerateFiles(seedsFolder, "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(path => CorpusSeed.Parse(Path.GetFileName(path), File.ReadAllText(path, Utf8)))];
        if (seeds.Length == 0)
        {
            throw new InvalidDataException($"no seed (*.txt) in {seedsFolder}");
        }
        maxDocumentLength = seeds.Max(s => s.Text.Length + (s.Slots.Count * CorpusSeed.MaxSlotGrowth));
    }

    /// <summary>The seeds, in the order documents cycle through them.</summary>
    public IReadOnlyList<CorpusSeed> Seeds => seeds;

    /// <summary>The seed document <paramref name="index"/> is made from.</summary>
    public CorpusSeed SeedOf(int index) => seeds[Checked(index) % seeds.Length];

    /// <summary>Where document <paramref name="index"/> goes under the corpus folder: <c>gen/0001/gen-0001234.txt</c>, 1000 files a folder.</summary>
    public string FileName(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"gen/{Checked(index) / 1000:D4}/gen-{index:D7}.txt");

    /// <summary>The symbol document <paramref name="index"/> gives itself: its seed's session and a number no other document has, <c>A/RES/68/1234</c>.</summary>
    public string Symbol(int index) => $"A/RES/{SeedOf(index).Session}/{OwnNumber(index)}";

    /// <summary>The text of document <paramref name="index"/>.</summary>
    public string Document(int index)
    {
        char[] buffer = new char[maxDocumentLength];
        int length = Render(index, buffer);
        return new string(buffer, 0, length);
    }

    /// <summary>
    /// Writes documents <c>0 … count-1</c> under <paramref name="folder"/> as UTF-8 without a byte order mark, file by
    /// file, on every core: creating files is most of the cost, and the kernel does it faster from several threads.
    /// </summary>
    /// <returns>The bytes written.</returns>
    public long Write(string folder, int count)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxDocuments);
        long written = 0;
        Parallel.For(0, count, () => new FileWriter(this, folder), (i, _, writer) =>
        {
            writer.Write(i);
            return writer;
        }, writer => Interlocked.Add(ref written, writer.Bytes));
        return written;
    }

    /// <summary>Writes documents <c>0, 1, …</c> under <paramref name="folder"/> until at least <paramref name="bytes"/> bytes are written.</summary>
    /// <param name="folder">The corpus folder; created if missing.</param>
    /// <param name="bytes">The least number of bytes to write.</param>
    /// <param name="count">How many documents were written.</param>
    /// <returns>The bytes written.</returns>
    public long WriteUntil(string folder, long bytes, out int count)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        // Sizing a document costs a hundredth of writing its file: count first, then write them all in parallel.
        char[] buffer = new char[maxDocumentLength];
        long total = 0;
        count = 0;
        while (total < bytes)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(count, MaxDocuments, nameof(bytes));
            total += Utf8.GetByteCount(buffer.AsSpan(0, Render(count++, buffer)));
        }
        return Write(folder, count);
    }

    /// <summary>
    /// A per-document seed for <see cref="Random"/> from the corpus seed and the index (SplitMix64's finaliser), so that
    /// no document draws from a generator another one used. Not <see cref="HashCode"/>: it differs in every process.
    /// </summary>
    public static int HashCombine(int seed, int index)
    {
        ulong x = ((ulong)(uint)seed << 32) | (uint)index;
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (int)(x & int.MaxValue);
    }

    private static int Checked(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MaxDocuments);
        return index;
    }

    private static string OwnNumber(int index)
    {
        int letter = index / NumbersPerLetter;
        string number = (1000 + (index % NumbersPerLetter)).ToString(CultureInfo.InvariantCulture);
        return letter == 0 ? number : number + (char)('A' + letter - 1);
    }

    /// <summary>Writes document <paramref name="index"/> into <paramref name="buffer"/> (at least <see cref="maxDocumentLength"/> long).</summary>
    private int Render(int index, Span<char> buffer)
    {
        var seed = SeedOf(index);
        var plan = new DocumentPlan(this, seed, index);
        string text = seed.Text;
        int at = 0, written = 0;
        foreach (var slot in seed.Slots)
        {
            text.AsSpan(at, slot.Start - at).CopyTo(buffer[written..]);
            written += slot.Start - at;
            written += plan.Fill(slot, buffer[written..]);
            at = slot.Start + slot.Length;
        }
        text.AsSpan(at).CopyTo(buffer[written..]);
        return written + text.Length - at;
    }

    /// <summary>What one document puts in each slot of its seed: drawn once, in a fixed order, from its own <see cref="Random"/>.</summary>
    private readonly struct DocumentPlan
    {
        private readonly string own;
        private readonly string[] citations;
        private readonly string[] reports;
        private readonly DateOnly[] dates;
        private readonly CorpusDate[] seedDates;

        public DocumentPlan(CorpusGenerator generator, CorpusSeed seed, int index)
        {
            var random = new Random(HashCombine(generator.randomSeed, index));
            own = $"{seed.Session}/{OwnNumber(index)}";
            var (years, days) = seed.DateShifts[random.Next(seed.DateShifts.Count)];
            seedDates = [.. seed.Dates];
            dates = [.. seedDates.Select(d => CorpusSeed.Shift(d.Date, years, days))];

            // Numbers taken in this document, so two different citations (or reports) never become the same one.
            var taken = new HashSet<string>(StringComparer.Ordinal);
            int ownSession = int.Parse(seed.Session, CultureInfo.InvariantCulture);
            citations = new string[seed.Citations.Count];
            for (int i = 0; i < citations.Length; i++)
            {
                var c = seed.Citations[i];
                if (!c.IsDecision && index > 0 && random.Next(4) == 0)
                {
                    // An earlier document of the corpus, if it is of this session or before: the corpus cites itself.
                    int earlier = random.Next(index);
                    var earlierSeed = generator.SeedOf(earlier);
                    if (int.Parse(earlierSeed.Session, CultureInfo.InvariantCulture) <= ownSession)
                    {
                        citations[i] = $"{earlierSeed.Session}/{OwnNumber(earlier)}";
                        taken.Add(citations[i]);
                        continue;
                    }
                }
                // GA decisions are numbered from 401; resolutions stay below, and below every own number (1000 and up).
                var (low, high) = c.IsDecision ? (401, 600) : (1, 400);
                citations[i] = $"{c.Session}/{Unused(random, taken, $"{c.Session}/", low, high)}{c.Letter}";
            }
            reports = new string[seed.Reports.Count];
            for (int i = 0; i < reports.Length; i++)
            {
                reports[i] = Unused(random, taken, $"A/{seed.Reports[i].Session}/", 1, 1000);
            }
        }

        /// <summary>A number in [low, high) that <paramref name="prefix"/> and it do not already name in this document.</summary>
        private static string Unused(Random random, HashSet<string> taken, string prefix, int low, int high)
        {
            while (true)
            {
                string number = random.Next(low, high).ToString(CultureInfo.InvariantCulture);
                if (taken.Add(prefix + number))
                {
                    return number;
                }
            }
        }

        public int Fill(CorpusSlot slot, Span<char> into) => slot.Kind switch
        {
            CorpusSlotKind.OwnSymbol => Copy(own, into),
            CorpusSlotKind.Citation => Copy(citations[slot.Item], into),
            CorpusSlotKind.Report => Copy(reports[slot.Item], into),
            CorpusSlotKind.Year => Number(dates[slot.Item].Year, into),
            CorpusSlotKind.Month => Number(dates[slot.Item].Month, into),
            CorpusSlotKind.MonthName => Copy(CorpusSeed.MonthNames[dates[slot.Item].Month - 1], into),
            CorpusSlotKind.Day => Number(dates[slot.Item].Day, into),
            CorpusSlotKind.RangeEndDay => Number(dates[slot.Item].AddDays(seedDates[slot.Item].RangeDays).Day, into),
            _ => throw new InvalidOperationException($"no rule for {slot.Kind}"),
        };

        private static int Copy(string value, Span<char> into)
        {
            value.CopyTo(into);
            return value.Length;
        }

        private static int Number(int value, Span<char> into)
        {
            value.TryFormat(into, out int written, default, CultureInfo.InvariantCulture);
            return written;
        }
    }

    /// <summary>One thread's writer: documents one file at a time, through buffers reused from one file to the next.</summary>
    private sealed class FileWriter(CorpusGenerator generator, string folder)
    {
        private readonly char[] chars = new char[generator.maxDocumentLength];
        private readonly byte[] bytes = new byte[Utf8.GetMaxByteCount(generator.maxDocumentLength)];
        private string? lastDirectory;

        public long Bytes { get; private set; }

        public void Write(int index)
        {
            int length = generator.Render(index, chars);
            int byteCount = Utf8.GetBytes(chars.AsSpan(0, length), bytes);
            string path = Path.Combine(folder, generator.FileName(index));
            string directory = Path.GetDirectoryName(path)!;
            if (directory != lastDirectory)
            {
                Directory.CreateDirectory(directory);
                lastDirectory = directory;
            }
            using (SafeFileHandle file = File.OpenHandle(path, FileMode.Create, FileAccess.Write))
            {
                RandomAccess.Write(file, bytes.AsSpan(0, byteCount), 0);
            }
            Bytes += byteCount;
        }
    }
}
