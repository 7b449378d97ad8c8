using System.Text.Json.Nodes;

namespace Graph.Cli.Tests.Support;

/// <summary>
/// Documents of a <see cref="CorpusGenerator"/> written to a temp folder and read back by the real <c>graph extract</c>,
/// together with the seeds, once for the tests of one class. The indices reach past the four-digit own numbers (9000 on)
/// and to the last document a corpus can hold.
/// </summary>
public sealed class GeneratedCorpus : IAsyncLifetime
{
    public const int RandomSeed = 20240607;

    private readonly TempFolder folder = new();

    internal CorpusGenerator Generator { get; } = new(RandomSeed);

    public IReadOnlyList<int> Indices { get; } =
        [.. Enumerable.Range(0, 60), .. Enumerable.Range(8_995, 10), 20_000, 20_001, 123_456, CorpusGenerator.MaxDocuments - 1];

    internal CliResult Extraction { get; private set; } = new(-1, "", "");

    /// <summary>What <c>graph extract</c> gave for each generated document, by its index.</summary>
    public IReadOnlyDictionary<int, JsonObject> Documents { get; private set; } = new Dictionary<int, JsonObject>();

    /// <summary>What it gave for each seed, by the seed's file name.</summary>
    public IReadOnlyDictionary<string, JsonObject> Seeds { get; private set; } = new Dictionary<string, JsonObject>();

    public async ValueTask InitializeAsync()
    {
        var files = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (int i in Indices)
        {
            files[folder.Write(Generator.FileName(i), Generator.Document(i))] = i;
        }
        Extraction = await GraphCli.RunAsync(Repository.Root, "extract", "--format", "jsonl", "seeds", folder.Root);
        Assert.True(Extraction.ExitCode == 0, Extraction.ToString());
        var all = Output.Lines(Extraction);
        Seeds = all.Where(d => Output.File(d).StartsWith("seeds/", StringComparison.Ordinal))
            .ToDictionary(d => Path.GetFileName(Output.File(d)), StringComparer.Ordinal);
        Documents = all.Where(d => files.ContainsKey(Output.File(d))).ToDictionary(d => files[Output.File(d)]);
    }

    public ValueTask DisposeAsync()
    {
        folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
