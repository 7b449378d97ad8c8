using Graph.Extraction;
using Graph.Extraction.Dates;
using Graph.Model;
using Graph.Tests.Support;
using Graph.Text;

namespace Graph.Tests.Specs;

/// <summary>Runs every case of every spec file in this folder against the real extractor.</summary>
public sealed class SpecTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in AllCases())
        {
            data.Add(c.ToString());
        }
        return data;
    }

    private static List<SpecCase> AllCases() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Specs"), "*.md")
            .Order(StringComparer.Ordinal)
            .SelectMany(SpecCase.Read)
            .ToList();

    [Fact]
    public void Every_kind_of_reference_has_a_spec_with_cases()
    {
        var files = AllCases().GroupBy(c => c.File).ToDictionary(g => g.Key, g => g.Count());
        foreach (string spec in new[] { "resolutions.md", "decisions.md", "documents.md", "meetings.md", "sessions.md", "agenda-items.md", "committees.md", "dates.md", "document.md", "text.md", "treaties.md", "footnotes.md", "clauses.md" })
        {
            Assert.True(files.GetValueOrDefault(spec) >= 3, $"{spec} should exist with at least three cases");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Spec_case_holds(string name)
    {
        var spec = AllCases().Single(c => c.ToString() == name);
        var document = Extractor.Default.Extract(spec.Input, spec.File);

        foreach (var r in document.References)
        {
            Assert.Equal(r.Surface, spec.Input.Substring(r.Start, r.Length));
        }

        var actual = new List<string>();
        var fields = ReferenceLine.Used(spec.Expected);
        actual.AddRange(document.References
            .Where(r => spec.Kinds is null || spec.Kinds.Contains(r.Kind.Name()))
            .Select(r => ReferenceLine.Format(r, fields: fields)));
        if (spec.Expected.Any(e => e.StartsWith("date ", StringComparison.Ordinal)))
        {
            var source = SourceText.From(spec.Input);
            actual.AddRange(DateRecogniser.FindAll(source.Normalised).Select(d =>
                $"date {d.Date} {ReferenceLine.Quote(source.OriginalSlice(d.Start, d.Length))}"));
        }
        foreach (string field in spec.Expected.Where(e => e.StartsWith('@')))
        {
            string key = field.Split(' ', 2)[0];
            actual.Add($"{key} {Field(document, key)}".TrimEnd());
        }

        var expected = spec.Expected.Where(e => !e.StartsWith("@", StringComparison.Ordinal) && !e.StartsWith("date ", StringComparison.Ordinal))
            .Concat(spec.Expected.Where(e => e.StartsWith("date ", StringComparison.Ordinal)))
            .Concat(spec.Expected.Where(e => e.StartsWith('@')))
            .ToList();
        Assert.Equal(string.Join('\n', expected), string.Join('\n', actual));
    }

    private static string Field(ExtractedDocument d, string key) => key switch
    {
        "@symbol" => d.Symbol ?? "null",
        "@body" => d.Body ?? "null",
        "@title" => d.Title ?? "null",
        "@language" => d.Language,
        "@session" => d.Session ?? "null",
        "@subjects" => string.Join('|', d.Subjects),
        "@adopted.date" => d.AdoptedOn?.ToString() ?? "null",
        "@adopted.meeting" => d.AdoptedAt ?? "null",
        "@committee" => d.Committee ?? "null",
        "@onReportOf" => string.Join(' ', d.OnReportOf),
        "@diagnostics" => string.Join(' ', d.Diagnostics.Select(x => x.Code)),
        _ => throw new FormatException($"unknown document field {key}"),
    };
}
