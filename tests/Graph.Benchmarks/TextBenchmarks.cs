using BenchmarkDotNet.Attributes;
using Graph.Text;

namespace Graph.Benchmarks;

/// <summary>The text layer: decoding a file's bytes, finding its page layout, and normalising it with its offset map.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("Text")]
public class TextBenchmarks
{
    private Sample sample = null!;

    [Params(Samples.Chinese, Samples.English)]
    public string Language { get; set; } = Samples.Chinese;

    [GlobalSetup]
    public void Setup() => sample = Samples.Of(Language);

    [Benchmark]
    public string? Decode() => TextDecoder.TryDecode(sample.Utf8, out _);

    [Benchmark]
    public DocumentLayout Layout() => DocumentLayout.Analyse(sample.Text);

    /// <summary><c>TextNormaliser.Normalise</c>, which <c>SourceText.From</c> is: layout, normalised text and offset map.</summary>
    [Benchmark]
    public SourceText Normalise() => SourceText.From(sample.Text);
}
