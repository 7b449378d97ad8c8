using System.Text;

namespace Graph.Benchmarks;

/// <summary>A generated document the benchmarks run on: its text, its bytes as a file holds them, and the name it goes by.</summary>
public sealed record Sample(string Language, int Index, string Name, string Text, byte[] Utf8);

/// <summary>
/// One Chinese and one English document from <see cref="CorpusGenerator"/> (random seed 1), the first of each language:
/// the same resolution (A/RES/68/72's seeds), so the two languages are compared on the same content.
/// </summary>
public static class Samples
{
    public const string Chinese = "zh";
    public const string English = "en";

    private static readonly Lazy<Dictionary<string, Sample>> All = new(Load);

    public static Sample Of(string language) =>
        All.Value.TryGetValue(language, out var sample) ? sample : throw new ArgumentOutOfRangeException(nameof(language), language, "zh or en");

    /// <summary>The index of the generated document <see cref="Of"/> gives for <paramref name="language"/>.</summary>
    public static int IndexOf(string language) => Of(language).Index;

    private static Dictionary<string, Sample> Load()
    {
        var generator = new CorpusGenerator(randomSeed: 1);
        var samples = new Dictionary<string, Sample>(StringComparer.Ordinal);
        for (int i = 0; samples.Count < 2 && i < generator.Seeds.Count; i++)
        {
            string text = generator.Document(i);
            string language = IsChinese(text) ? Chinese : English;
            samples.TryAdd(language, new Sample(language, i, generator.FileName(i), text, new UTF8Encoding(false).GetBytes(text)));
        }
        return samples.Count == 2 ? samples : throw new InvalidOperationException("the seeds do not hold both a Chinese and an English document");
    }

    /// <summary>As the extractor decides: ideographs make up a fifth or more of the letters.</summary>
    private static bool IsChinese(string text)
    {
        int ideographs = text.Count(c => c is >= '\u4e00' and <= '\u9fff');
        return ideographs * 5 >= text.Count(char.IsLetter);
    }
}
