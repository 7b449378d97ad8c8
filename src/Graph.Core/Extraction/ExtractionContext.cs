using Graph.Extraction.Dates;
using Graph.Model;
using Graph.Text;

namespace Graph.Extraction;

/// <summary>The state of one extraction: the text, what is known of the document so far, and what was found.</summary>
internal sealed class ExtractionContext
{
    private readonly Dictionary<int, DateMatch> datesByEnd = [];
    private readonly Dictionary<int, DateMatch> datesByStart = [];

    public ExtractionContext(SourceText source, string language)
    {
        Source = source;
        Language = language;
        Dates = DateRecogniser.FindAll(source.Normalised);
        foreach (var d in Dates)
        {
            datesByEnd.TryAdd(d.End, d);
            datesByStart.TryAdd(d.Start, d);
        }
    }

    public SourceText Source { get; }

    /// <summary>The normalised text every recogniser matches against.</summary>
    public string Text => Source.Normalised;

    public string Language { get; }

    public DocumentIdentity Identity { get; set; } = new();

    public IReadOnlyList<DateMatch> Dates { get; }

    public List<Candidate> Candidates { get; } = [];

    /// <summary>Where each footnote's text stands in the normalised text, in the order of <see cref="DocumentLayout.Footnotes"/>.</summary>
    public IReadOnlyList<(int Start, int End)> FootnoteSpans => footnoteSpans ??=
        Source.Layout.Footnotes.Select(f => (Source.ToNormalised(f.Start), Source.ToNormalised(f.End))).ToArray();

    private (int Start, int End)[]? footnoteSpans;

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The date that ends exactly at <paramref name="position"/> (Chinese puts the date before what it dates).</summary>
    public DateMatch? DateEndingAt(int position) => datesByEnd.TryGetValue(position, out var d) ? d : null;

    /// <summary>The date that starts exactly at <paramref name="position"/>.</summary>
    public DateMatch? DateStartingAt(int position) => datesByStart.TryGetValue(position, out var d) ? d : null;

    public void Add(Candidate candidate) => Candidates.Add(candidate);

    /// <summary>
    /// Records a diagnostic about a span of normalised text (mapped to the original here). Hostile text can raise
    /// the same diagnostic millions of times; past <see cref="MaxDiagnosticsPerCode"/> of a code they are counted,
    /// and <see cref="FinishDiagnostics"/> says how many more there were.
    /// </summary>
    public void Diagnose(string code, string message, int start, int length)
    {
        int seen = diagnosticCounts.GetValueOrDefault(code) + 1;
        diagnosticCounts[code] = seen;
        if (seen > MaxDiagnosticsPerCode)
        {
            return;
        }
        var (s, l) = Source.ToOriginal(start, Math.Max(1, Math.Min(length, Text.Length - start)));
        Diagnostics.Add(new Diagnostic(code, message, s, l));
    }

    public const int MaxDiagnosticsPerCode = 100;

    private readonly Dictionary<string, int> diagnosticCounts = new(StringComparer.Ordinal);

    /// <summary>Adds one diagnostic for each code that was raised more often than it was recorded.</summary>
    public void FinishDiagnostics()
    {
        foreach (var (code, count) in diagnosticCounts.Where(c => c.Value > MaxDiagnosticsPerCode).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Diagnostics.Add(new Diagnostic(code, $"{count - MaxDiagnosticsPerCode} more '{code}' diagnostics were not recorded"));
        }
    }
}
