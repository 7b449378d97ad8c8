using System.Text;
using Graph.Extraction;
using Graph.Model;
using Graph.Tests.Support;
using Graph.Text;

namespace Graph.Tests.Extraction;

/// <summary>
/// Each seed against its golden file: every reference the seed contains, with its span, and the document's
/// own fields, checked by hand against the text. A change to the extractor that gains or loses a reference
/// on a seed fails here and shows the difference.
/// </summary>
/// <remarks>
/// To write the golden files anew after a deliberate change, run the tests with GRAPH_UPDATE_GOLDEN=1, then
/// read the diff line by line against the seed before committing it.
/// </remarks>
public sealed class GoldenSeedTests
{
    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        foreach (string f in Directory.EnumerateFiles(Repository.Path("seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_seed_yields_exactly_its_golden_references(string seed)
    {
        string text = TextDecoder.TryDecode(File.ReadAllBytes(Repository.Path("seeds", seed)), out string? error)
            ?? throw new InvalidDataException(error);
        var document = Extractor.Default.Extract(text, $"seeds/{seed}");
        string actual = Render(document);

        string golden = Repository.Path("tests", "Graph.Core.Tests", "Golden", Path.ChangeExtension(seed, ".golden"));
        if (Environment.GetEnvironmentVariable("GRAPH_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
        }
        Assert.True(File.Exists(golden), $"no golden file for {seed}");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), actual);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_span_of_the_seed_points_at_its_surface(string seed)
    {
        string text = File.ReadAllText(Repository.Path("seeds", seed));
        var document = Extractor.Default.Extract(text, seed);
        Assert.NotEmpty(document.References);
        Assert.All(document.References, r => Assert.Equal(r.Surface, text.Substring(r.Start, r.Length)));
    }

    private static string Render(ExtractedDocument d)
    {
        var s = new StringBuilder();
        s.Append("# ").Append(d.File).Append('\n');
        s.Append("@language ").Append(d.Language).Append('\n');
        s.Append("@symbol ").Append(d.Symbol ?? "null").Append('\n');
        s.Append("@body ").Append(d.Body ?? "null").Append('\n');
        s.Append("@title ").Append(d.Title ?? "null").Append('\n');
        s.Append("@session ").Append(d.Session ?? "null").Append('\n');
        s.Append("@subjects ").Append(string.Join('|', d.Subjects)).Append('\n');
        s.Append("@adopted.date ").Append(d.AdoptedOn?.ToString() ?? "null").Append('\n');
        s.Append("@adopted.meeting ").Append(d.AdoptedAt ?? "null").Append('\n');
        s.Append("@committee ").Append(d.Committee ?? "null").Append('\n');
        s.Append("@onReportOf ").Append(string.Join(' ', d.OnReportOf)).Append('\n');
        foreach (var diagnostic in d.Diagnostics)
        {
            s.Append("@diagnostic ").Append(diagnostic.Code).Append(' ').Append(diagnostic.Message).Append('\n');
        }
        foreach (var r in d.References)
        {
            s.Append(ReferenceLine.Format(r, withSpan: true, fields: ReferenceLine.Fields.All)).Append('\n');
        }
        return s.ToString();
    }
}
