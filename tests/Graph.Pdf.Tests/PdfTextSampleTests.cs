using System.Text.RegularExpressions;
using Graph.Extraction;
using Graph.Model;
using Graph.Pdf.Tests.Support;
using Graph.Tests.Shared;
using Graph.Text;

namespace Graph.Pdf.Tests;

/// <summary>
/// The ten sample resolutions (Samples/README.md) read from their PDFs: what must be in the rebuilt text, what must
/// not, and that the extractor reads it as intended.
/// </summary>
/// <remarks>
/// To write the golden texts anew after a deliberate change, run the tests with GRAPH_UPDATE_GOLDEN=1, then read
/// the diff against the PDFs before committing it.
/// </remarks>
public sealed partial class PdfTextSampleTests
{
    [GeneratedRegex(@"[0-9]{2}-[0-9]{5}|\*[0-9]{5,12}\*", RegexOptions.CultureInvariant)]
    private static partial Regex JobNumberOrBarcode();

    // A footnote's number glued to the word before it ("Convention1"); four-digit numbers ("Space2030") are names.
    [GeneratedRegex(@"\p{L}[0-9]{1,2}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsGluedToWord();

    [GeneratedRegex(@"^(?<n>[0-9]{1,3})\. ", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex OperativeNumber();

    [GeneratedRegex(@"[,;.:](?: [0-9]{1,3})*$", RegexOptions.CultureInvariant)]
    private static partial Regex EndOfParagraph();

    [GeneratedRegex(@"^(?:[IVXL]{1,7}|[A-Z])$", RegexOptions.CultureInvariant)]
    private static partial Regex PartNumber();

    [Theory]
    [MemberData(nameof(Sample.Names), MemberType = typeof(Sample))]
    public void Running_heads_footers_barcodes_and_page_numbers_are_not_in_the_text(string name)
    {
        var sample = Sample.Named(name);
        string text = sample.Text.Text;
        // The symbol stands once, in the masthead: every later page's running head repeats it.
        Assert.Equal(1, Regex.Count(text, Regex.Escape(sample.Symbol) + "(?![0-9])"));
        Assert.DoesNotMatch(JobNumberOrBarcode(), text);
        for (int page = 1; page <= sample.Pages; page++)
        {
            Assert.DoesNotMatch($"(?<![0-9/]){page}/{sample.Pages}(?![0-9/])", text);
        }
    }

    [Theory]
    [MemberData(nameof(Sample.Names), MemberType = typeof(Sample))]
    public void The_masthead_heading_and_author_are_lines_of_the_text(string name)
    {
        var sample = Sample.Named(name);
        var lines = Lines(sample.Text.Text);
        Assert.Contains(sample.Symbol, lines);
        Assert.Contains(sample.Heading, lines);
        Assert.Contains("The General Assembly,", lines);
        Assert.True(lines.IndexOf(sample.Heading) < lines.IndexOf("The General Assembly,"));
    }

    [Theory]
    [MemberData(nameof(Sample.Names), MemberType = typeof(Sample))]
    public void Every_footnote_appears_once_in_order_under_the_rule(string name)
    {
        var sample = Sample.Named(name);
        var document = sample.Text;
        string text = document.Text;
        Assert.Equal(Enumerable.Range(1, sample.Footnotes), document.Footnotes.Select(f => f.Number));
        int rule = text.IndexOf("\n__________\n", StringComparison.Ordinal);
        Assert.True(rule > 0);
        Assert.Equal(-1, text.IndexOf("\n__________\n", rule + 1, StringComparison.Ordinal));
        var footnoteLines = text[(rule + 12)..].TrimEnd('\n').Split('\n');
        Assert.Equal(sample.Footnotes, footnoteLines.Length);
        foreach (var (footnote, line) in document.Footnotes.Zip(footnoteLines))
        {
            Assert.StartsWith($"{footnote.Number} ", line, StringComparison.Ordinal);
            Assert.Equal(line[(footnote.Number.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 1)..], text.Substring(footnote.Start, footnote.Length));
            Assert.True(footnote.Length > 0);
        }
    }

    [Theory]
    [MemberData(nameof(Sample.Names), MemberType = typeof(Sample))]
    public void Every_footnote_has_its_marker_in_the_body_standing_alone(string name)
    {
        var document = Sample.Named(name).Text;
        string text = document.Text;
        int rule = text.IndexOf("\n__________\n", StringComparison.Ordinal);
        int previous = -1;
        foreach (var footnote in document.Footnotes)
        {
            Assert.True(footnote.MarkerStart is not null, $"footnote {footnote.Number} has no marker");
            int at = footnote.MarkerStart.Value;
            Assert.InRange(at, previous + 1, rule);
            Assert.Equal(footnote.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), text.Substring(at, footnote.MarkerLength));
            Assert.Equal(' ', text[at - 1]);
            Assert.Contains(text[at + footnote.MarkerLength], " ,;)]\n");
            previous = at;
        }
        Assert.DoesNotMatch(DigitsGluedToWord(), text[..rule]);
    }

    [Theory]
    [MemberData(nameof(Sample.Names), MemberType = typeof(Sample))]
    public void The_extractor_finds_each_footnote_and_its_marker_where_they_were_written(string name)
    {
        var sample = Sample.Named(name);
        var document = sample.Text;
        var layout = DocumentLayout.Analyse(document.Text);
        Assert.Equal(
            document.Footnotes.Select(f => (f.Number, f.Start, End: f.Start + f.Length, f.MarkerStart)),
            layout.Footnotes.Select(f => (f.Number, f.Start, f.End, f.MarkerStart)));
        // The layout reader takes the masthead's symbol line for a running head (it prints the document's own
        // symbol); there is no other.
        var head = Assert.Single(layout.RunningHeads);
        Assert.Equal(sample.Symbol, document.Text.Substring(head.Start, head.Length));
    }

    [Theory]
    [MemberData(nameof(Sample.Names), MemberType = typeof(Sample))]
    public void Operative_paragraphs_keep_their_numbers_in_order(string name)
    {
        var sample = Sample.Named(name);
        var numbers = BodyLines(sample.Text.Text)
            .Select(l => OperativeNumber().Match(l))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, sample.OperativeParagraphs), numbers);
    }

    [Theory]
    [MemberData(nameof(Sample.Names), MemberType = typeof(Sample))]
    public void Every_paragraph_of_the_resolution_is_one_line(string name)
    {
        // From the author to the closing meeting, a line that does not end a clause or sentence is a paragraph cut in
        // two, unless it is a part's number or the title under it.
        var lines = BodyLines(Sample.Named(name).Text.Text);
        int from = lines.IndexOf("The General Assembly,");
        int to = lines.FindIndex(l => l.EndsWith("plenary meeting", StringComparison.Ordinal));
        Assert.True(from >= 0 && to > from);
        for (int i = from + 1; i < to; i++)
        {
            bool part = PartNumber().IsMatch(lines[i]) || PartNumber().IsMatch(lines[i - 1]);
            Assert.True(part || EndOfParagraph().IsMatch(lines[i]), $"line {i} does not end a paragraph: {lines[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Sample.Names), MemberType = typeof(Sample))]
    public void Each_character_knows_its_page(string name)
    {
        var sample = Sample.Named(name);
        var document = sample.Text;
        string text = document.Text;
        Assert.Equal(sample.Pages, document.Pages);
        Assert.Equal(1, document.PageAt(0));
        Assert.Equal(1, document.PageAt(text.IndexOf(sample.Heading, StringComparison.Ordinal)));
        Assert.Equal(sample.Pages, document.PageAt(text.IndexOf("plenary meeting", StringComparison.Ordinal)));
        int last = 0;
        foreach (var footnote in document.Footnotes)
        {
            Assert.Equal(footnote.Page, document.PageAt(footnote.Start));
            Assert.Equal(footnote.Page, document.PageAt(footnote.MarkerStart!.Value));
            Assert.True(footnote.Page >= last);
            last = footnote.Page;
        }
    }

    [Theory]
    [MemberData(nameof(Sample.Names), MemberType = typeof(Sample))]
    public void References_in_a_footnote_stand_in_the_paragraph_of_its_marker(string name)
    {
        var document = Sample.Named(name).Text;
        var extracted = Extractor.Default.Extract(document.Text, name + ".pdf");
        var inFootnotes = extracted.References.Where(r => r.Footnote is not null).ToList();
        Assert.NotEmpty(inFootnotes);
        foreach (var reference in inFootnotes)
        {
            var footnote = document.Footnotes.Single(f => f.Number == reference.Footnote);
            Assert.NotEqual(Paragraph.Footnote, reference.Paragraph.Part);
            if (ExpectedParagraph(document.Text, footnote.MarkerStart!.Value) is var (part, number))
            {
                Assert.Equal(part, reference.Paragraph.Part);
                Assert.True(number is null || number == reference.Paragraph.Number, $"footnote {footnote.Number}: {reference.Paragraph}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sample.Names), MemberType = typeof(Sample))]
    public void The_text_is_its_golden_text(string name)
    {
        string actual = Sample.Named(name).Text.Text;
        string golden = Repository.Path("tests", "Graph.Pdf.Tests", "Golden", name + ".txt");
        if (Environment.GetEnvironmentVariable("GRAPH_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
        }
        Assert.True(File.Exists(golden), $"no golden text for {name}");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), actual);
    }

    /// <summary>
    /// The paragraph a marker stands in, read from the text: an operative paragraph by the number its line (or, for
    /// a sub-item, the line it hangs from) opens with; a preambular one, number unknown, before the first operative
    /// paragraph; null after it where no number says.
    /// </summary>
    private static (string Part, int? Number)? ExpectedParagraph(string text, int marker)
    {
        var lines = Lines(text[..text.IndexOf("\n__________\n", StringComparison.Ordinal)]);
        int offset = 0, line = 0;
        for (; line < lines.Count && offset + lines[line].Length < marker; line++)
        {
            offset += lines[line].Length + 1;
        }
        for (int i = line; i >= 0; i--)
        {
            var m = OperativeNumber().Match(lines[i]);
            if (m.Success)
            {
                return (Paragraph.Operative, int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
            if (lines[i].Length > 0 && !lines[i].StartsWith('('))
            {
                break;
            }
        }
        return lines.Take(line).Any(l => OperativeNumber().IsMatch(l)) ? null : (Paragraph.Preamble, null);
    }

    private static List<string> Lines(string text) => [.. text.Split('\n')];

    private static List<string> BodyLines(string text) =>
        [.. Lines(text[..text.IndexOf("\n__________\n", StringComparison.Ordinal)]).Where(l => l.Length > 0)];
}
