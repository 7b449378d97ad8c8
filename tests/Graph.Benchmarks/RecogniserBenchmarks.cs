using BenchmarkDotNet.Attributes;
using Graph.Extraction;
using Graph.Extraction.Committees;
using Graph.Extraction.Header;
using Graph.Extraction.Meetings;
using Graph.Extraction.Resolutions;
using Graph.Extraction.Sessions;
using Graph.Extraction.Symbols;
using Graph.Extraction.Treaties;
using Graph.Text;

namespace Graph.Benchmarks;

/// <summary>
/// Each recogniser alone on one normalised document, as <c>Extractor</c> drives it: the context (with its dates and the
/// header already read) is made once, and each operation clears the candidates and runs one recogniser again.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Recogniser")]
public class RecogniserBenchmarks
{
    private readonly SymbolRecogniser symbols = new();
    private readonly EnglishResolutionRecogniser englishResolutions = new();
    private readonly ChineseResolutionRecogniser chineseResolutions = new();
    private readonly MeetingRecogniser meetings = new();
    private readonly SessionRecogniser sessions = new();
    private readonly CommitteeRecogniser committees = new();
    private readonly TreatyRecogniser treaties = new(TreatyGazetteer.Default);
    private SourceText source = null!;
    private ExtractionContext context = null!;

    [Params(Samples.Chinese, Samples.English)]
    public string Language { get; set; } = Samples.Chinese;

    [GlobalSetup]
    public void Setup()
    {
        source = SourceText.From(Samples.Of(Language).Text);
        context = NewContext();
    }

    /// <summary>What every extraction pays before the recognisers: the context (all dates found) and the header read.</summary>
    [Benchmark]
    public int ContextAndHeader() => NewContext().Dates.Count;

    [Benchmark]
    public int Symbols() => Run(symbols);

    [Benchmark]
    public int EnglishResolutions() => Run(englishResolutions);

    [Benchmark]
    public int ChineseResolutions() => Run(chineseResolutions);

    [Benchmark]
    public int Meetings() => Run(meetings);

    [Benchmark]
    public int Sessions() => Run(sessions);

    [Benchmark]
    public int Committees() => Run(committees);

    [Benchmark]
    public int Treaties() => Run(treaties);

    private ExtractionContext NewContext()
    {
        var c = new ExtractionContext(source, Language);
        c.Identity = DocumentHeaderRecogniser.Read(c);
        return c;
    }

    private int Run(Recogniser recogniser)
    {
        context.Candidates.Clear();
        context.Diagnostics.Clear();
        recogniser.Recognise(context);
        return context.Candidates.Count;
    }
}
