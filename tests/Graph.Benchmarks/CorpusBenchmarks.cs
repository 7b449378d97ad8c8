using BenchmarkDotNet.Attributes;

namespace Graph.Benchmarks;

/// <summary>The corpus generator itself: one document's text, the part of writing a corpus that is not the disk's.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("Corpus")]
public class CorpusBenchmarks
{
    private readonly CorpusGenerator generator = new(randomSeed: 1);

    [Params(Samples.Chinese, Samples.English)]
    public string Language { get; set; } = Samples.Chinese;

    private int index;

    [GlobalSetup]
    public void Setup() => index = Samples.IndexOf(Language);

    [Benchmark]
    public string Document() => generator.Document(index);
}
