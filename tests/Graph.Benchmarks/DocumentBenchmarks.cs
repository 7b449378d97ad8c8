using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Graph.Building;
using Graph.Extraction;
using Graph.Model;
using Graph.Pdf;

namespace Graph.Benchmarks;

/// <summary>A whole document through each stage the CLI and the worker run: extraction, graph facts from the file's bytes, JSON.</summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private readonly ArrayBufferWriter<byte> json = new(64 * 1024);
    private Sample sample = null!;
    private string contentHash = "";
    private ExtractedDocument extracted = null!;
    private Utf8JsonWriter writer = null!;

    [Params(Samples.Chinese, Samples.English)]
    public string Language { get; set; } = Samples.Chinese;

    [GlobalSetup]
    public void Setup()
    {
        sample = Samples.Of(Language);
        contentHash = GraphBuilder.ContentHash(sample.Utf8);
        extracted = Extractor.Default.Extract(sample.Text, sample.Name);
        writer = new Utf8JsonWriter(json, ExtractionJson.WriterOptions(indented: false));
    }

    [GlobalCleanup]
    public void Cleanup() => writer.Dispose();

    /// <summary><c>Extractor.Default.Extract</c>: normalising, every recogniser, overlaps, footnotes, clauses.</summary>
    [Benchmark]
    [BenchmarkCategory("Document")]
    public ExtractedDocument Extract() => Extractor.Default.Extract(sample.Text, sample.Name);

    /// <summary><c>DocumentFileReader.TryBuild</c>: what <c>graph build</c> and the worker do with a file's bytes before the store.</summary>
    [Benchmark]
    [BenchmarkCategory("Graph")]
    public DocumentGraph? FromFile() => DocumentFileReader.TryBuild(sample.Utf8, sample.Name, contentHash, out _);

    /// <summary><c>ExtractionJson.Write</c> of the extracted document, as <c>graph extract</c> prints it.</summary>
    [Benchmark]
    [BenchmarkCategory("Json")]
    public long WriteJson()
    {
        json.ResetWrittenCount();
        writer.Reset();
        ExtractionJson.Write(writer, extracted);
        writer.Flush();
        return writer.BytesCommitted;
    }
}
