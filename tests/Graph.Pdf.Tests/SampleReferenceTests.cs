using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Graph.Model;
using Graph.Pdf.Tests.Support;
using Graph.Tests.Shared;

namespace Graph.Pdf.Tests;

/// <summary>
/// The references read from each sample PDF (Samples/README.md), as the product reads a file: one line each in text
/// order, compared with a golden file that was checked by hand against the resolution (Golden/&lt;name&gt;.references.txt;
/// what the extractor still gets wrong is listed under "Known misses" in Samples/README.md).
/// </summary>
/// <remarks>
/// To write the golden files anew after a deliberate change, run the tests with GRAPH_UPDATE_GOLDEN=1, then check
/// the diff against the golden texts (Golden/&lt;name&gt;.txt) before committing it.
/// </remarks>
public sealed partial class SampleReferenceTests
{
    // What the page furniture prints and the rebuilt text leaves out: a job number (23-24567) or a barcode.
    [GeneratedRegex(@"^(?:[0-9]{2}-[0-9]{5}|\*[0-9]{5,12}\*)$", RegexOptions.CultureInvariant)]
    private static partial Regex JobNumberOrBarcode();

    [Theory]
    [MemberData(nameof(Sample.Names), MemberType = typeof(Sample))]
    public void The_references_of_each_sample_are_its_hand_checked_golden_references(string name)
    {
        string actual = Render(Extract(Sample.Named(name)));
        string golden = Repository.Path("tests", "Graph.Pdf.Tests", "Golden", name + ".references.txt");
        if (Environment.GetEnvironmentVariable("GRAPH_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
        }
        Assert.True(File.Exists(golden), $"no golden references for {name}");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), actual);
    }

    [Theory]
    [MemberData(nameof(Sample.Names), MemberType = typeof(Sample))]
    public void A_sample_knows_its_own_symbol_and_never_cites_it(string name)
    {
        // Every page after the first repeats the symbol in its running head: were one kept, it would come back as a
        // citation of the document by itself.
        var sample = Sample.Named(name);
        var document = Extract(sample);
        Assert.Equal(sample.Symbol, document.Symbol);
        Assert.DoesNotContain(document.References, r => r.Id == sample.Symbol);
        Assert.DoesNotContain(document.References, r => r.Surface.Contains(sample.Symbol, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Sample.Names), MemberType = typeof(Sample))]
    public void No_reference_stands_in_the_masthead_or_is_a_job_number_barcode_or_page_number(string name)
    {
        var sample = Sample.Named(name);
        var document = Extract(sample);
        string text = sample.Text.Text;
        // Above the agenda item the masthead prints the organ, the symbol, the distribution and the date: none is a
        // citation. Only the session line is (the resolution's own session).
        int agendaItem = text.IndexOf("\nAgenda item ", StringComparison.Ordinal);
        Assert.True(agendaItem > 0);
        var masthead = Assert.Single(document.References, r => r.Start < agendaItem);
        Assert.Equal(ReferenceKind.Session, masthead.Kind);
        Assert.DoesNotContain(document.References, r => JobNumberOrBarcode().IsMatch(r.Surface.Trim()));
        var pageNumbers = Enumerable.Range(1, sample.Pages).Select(p => $"{p}/{sample.Pages}").ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(document.References, r => pageNumbers.Contains(r.Surface.Trim()));
        Assert.All(document.References, r => Assert.InRange(r.Page ?? 0, 1, sample.Pages));
    }

    private static ExtractedDocument Extract(Sample sample)
    {
        var document = DocumentFileReader.TryExtract(sample.Bytes, sample.Name + ".pdf", out string? error);
        Assert.Null(error);
        Assert.NotNull(document);
        return document;
    }

    /// <summary>
    /// Two header lines (the document: symbol, pages, session, adoption; then the committee and its report), then
    /// one line per reference: page, paragraph, footnote, relation, kind, id, the words cited, and the pinpoint,
    /// date, session number and title where present.
    /// </summary>
    private static string Render(ExtractedDocument document)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {document.Symbol ?? "(no symbol)"}, {document.Pages} pages, session {document.Session ?? "-"}, adopted {document.AdoptedOn?.ToString() ?? "-"} at {document.AdoptedAt ?? "-"}\n");
        text.Append(CultureInfo.InvariantCulture, $"# committee {document.Committee ?? "-"}, on the report of {(document.OnReportOf.Count == 0 ? "-" : string.Join(" ", document.OnReportOf))}\n");
        foreach (var r in document.References)
        {
            text.Append(CultureInfo.InvariantCulture, $"p{r.Page} {r.Paragraph.Part}");
            if (r.Paragraph.Number is { } number)
            {
                text.Append(CultureInfo.InvariantCulture, $" {number}");
            }
            if (r.Footnote is { } footnote)
            {
                text.Append(CultureInfo.InvariantCulture, $" fn {footnote}");
            }
            text.Append(CultureInfo.InvariantCulture, $" {r.Relation} {r.Kind.Name()} {r.Id} {Quoted(r.Surface)}");
            if (r.Pinpoint is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $" pinpoint={Quoted(r.Pinpoint)}");
            }
            if (r.Date is { } date)
            {
                text.Append(CultureInfo.InvariantCulture, $" date={date}");
            }
            if (r.Number is { } session)
            {
                text.Append(CultureInfo.InvariantCulture, $" number={session}");
            }
            if (r.Title is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $" title={Quoted(r.Title)}");
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Quoted(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
