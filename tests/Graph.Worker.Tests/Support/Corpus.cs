using System.Text;
using System.Text.RegularExpressions;

namespace Graph.Worker.Tests.Support;

/// <summary>
/// Documents for the inbox: the five seeds unchanged, and any number of generated ones made from them by changing
/// the resolution number, so each has a UN symbol of its own (A/RES/68/72 becomes A/RES/68/1005 in its header and
/// wherever the text names itself). From the sixth on, a generated copy of a mine-action resolution recalls the one
/// generated five before it instead of 66/69, so the corpus cites itself and the order of loading matters to
/// anything that depends on it. A test checks that <c>graph extract</c> reads every kind with its own symbol.
/// </summary>
internal static class Corpus
{
    /// <summary>The seed files and the number each gives itself (its header <c>68/72.</c>), in ordinal order of name.</summary>
    public static IReadOnlyList<(string Name, string Number)> Seeds { get; } =
    [
        ("000_59d55c22d464376a.txt", "68/72"),
        ("001_288b78ee34da7524.txt", "62/99"),
        ("002_1bb7a33e0cfe5e8b.txt", "68/72"),
        ("003_095821b4652e7130.txt", "75/62"),
        ("004_cb93285871e651a5.txt", "69/60"),
    ];

    /// <summary>The English text of A/RES/68/72, the seed the correction below applies to.</summary>
    public const string EnglishSeed = "002_1bb7a33e0cfe5e8b.txt";

    /// <summary>A text that reads fine but shows no UN symbol of its own (the same one the CLI tests use).</summary>
    public const string Memo = "A note with no symbol. It recalls resolution 66/69 of 9 December 2011.\n";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly Dictionary<string, string> SeedTexts =
        Seeds.ToDictionary(s => s.Name, s => File.ReadAllText(Repository.Path("seeds", s.Name), Utf8));

    public static byte[] SeedBytes(string name) => File.ReadAllBytes(Repository.Path("seeds", name));

    public static string GeneratedName(int i) => $"gen-{i:D4}.txt";

    /// <summary>The symbol generated document <paramref name="i"/> gives itself.</summary>
    public static string GeneratedSymbol(int i) => $"A/RES/{Seeds[i % Seeds.Count].Number.Split('/')[0]}/{1000 + i}";

    /// <summary>Generated document <paramref name="i"/>: seed <c>i % 5</c> renumbered to <c>1000 + i</c>.</summary>
    public static string Generated(int i)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        var (name, number) = Seeds[i % Seeds.Count];
        string session = number.Split('/')[0];
        string text = Renumber(SeedTexts[name], number, $"{session}/{1000 + i}");
        return i >= Seeds.Count ? Renumber(text, "66/69", $"{session}/{1000 + i - Seeds.Count}") : text;
    }

    /// <summary>The English seed with a corrected citation: it recalls 66/70 where it said 66/69.</summary>
    public static string CorrectedEnglishSeed()
    {
        string corrected = Renumber(SeedTexts[EnglishSeed], "66/69", "66/70");
        Assert.NotEqual(SeedTexts[EnglishSeed], corrected);
        return corrected;
    }

    /// <summary>Writes the five seeds, byte for byte, into <paramref name="folder"/>; returns their paths.</summary>
    public static List<string> WriteSeeds(string folder) =>
        [.. Seeds.Select(s => Write(Path.Combine(folder, s.Name), SeedBytes(s.Name)))];

    /// <summary>Writes generated documents <paramref name="first"/> to <c>first + count - 1</c> into <paramref name="folder"/>.</summary>
    public static List<string> WriteGenerated(string folder, int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i => Write(Path.Combine(folder, GeneratedName(i)), Utf8.GetBytes(Generated(i))))];

    public static string Write(string path, string text) => Write(path, Utf8.GetBytes(text));

    public static string Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static byte[] Bytes(string text) => Utf8.GetBytes(text);

    /// <summary>Bytes that no decoder takes for text: a PNG-like header, NULs and noise from a fixed seed.</summary>
    public static byte[] BinaryJunk(int length = 4096)
    {
        var bytes = new byte[length];
        new Random(20131211).NextBytes(bytes);
        byte[] header = [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 0x0D, 0xFF, 0xFE, 0];
        header.CopyTo(bytes, 0);
        for (int i = 16; i < length; i += 7)
        {
            bytes[i] = 0;
        }
        return bytes;
    }

    /// <summary>A valid generated document padded with a closing note until it is at least <paramref name="bytes"/> long.</summary>
    public static string Padded(int i, int bytes)
    {
        var text = new StringBuilder(Generated(i)).Append('\n');
        while (Utf8.GetByteCount(text.ToString()) < bytes)
        {
            text.Append("This line only makes the file longer than the worker accepts.\n");
        }
        return text.ToString();
    }

    /// <summary>Replaces the resolution number <paramref name="from"/> where it stands alone (not inside 168/72 or 68/725).</summary>
    private static string Renumber(string text, string from, string to) =>
        Regex.Replace(text, $"(?<![0-9]){Regex.Escape(from)}(?![0-9])", to, RegexOptions.CultureInvariant);
}
