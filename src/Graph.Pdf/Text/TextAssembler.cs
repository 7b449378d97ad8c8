using System.Globalization;
using System.Text.RegularExpressions;
using Graph.Pdf.Layout;

namespace Graph.Pdf.Text;

/// <summary>
/// Rebuilds a document's text from its pages' lines: the body's lines joined into paragraphs across pages, the
/// footnotes joined across pages and linked to their markers.
/// </summary>
/// <remarks>
/// The form is the one the text extractor reads best (see <see cref="PdfText"/>): each paragraph on a line of its
/// own, paragraphs set apart by an empty line, then a rule of underscores and every footnote on a line of its own
/// opening with its number (a footnote longer than a thousand characters goes on over more lines). The footnotes all come after the body rather than after each page's body: a paragraph
/// that runs on to the next page stays whole, and a footnote that does not end with a full stop (one ending with a
/// link) cannot run on into the body that would follow it.
/// </remarks>
internal static partial class TextAssembler
{
    [GeneratedRegex(@"^(?:[IVXL]{1,7}|[A-Z])\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex PartNumber();

    // Lines of a paragraph are 1.2 em apart; paragraphs 1.8 em or more.
    private const double MaxLinePitch = 1.45;

    // A line ending this short of the body's right edge ends its paragraph when it ends a sentence or clause.
    private const double ShortLine = 0.15;

    public const string FootnoteRule = "__________";

    // The extractor's layout reader looks for a footnote's number only on lines of up to 2,000 characters.
    private const int MaxFootnoteLine = 1000;

    /// <summary>The rebuilt text, or null when the pages hold no text at all (apart from page furniture).</summary>
    public static PdfDocumentText? Assemble(IReadOnlyList<PageContent> pages)
    {
        var pageLines = pages.Select(LineFinder.Find).ToList();
        var all = pageLines.SelectMany(l => l).ToList();
        if (all.Count == 0)
        {
            return null;
        }
        double bodySize = BodySize(all);
        var body = new List<TextLine>();
        var notes = new List<TextLine>();
        for (int p = 0; p < pages.Count; p++)
        {
            var regions = PageRegions.Classify(pages[p], pageLines[p], bodySize);
            for (int i = 0; i < regions.Length; i++)
            {
                if (regions[i] == Region.Body)
                {
                    body.Add(pageLines[p][i]);
                }
                else if (regions[i] == Region.Footnote)
                {
                    notes.Add(pageLines[p][i]);
                }
            }
        }
        if (body.Count == 0 && notes.Count == 0)
        {
            return null;
        }
        var joiner = new LineJoiner(body.Concat(notes).Select(l => l.Text));
        var (drafts, loose) = FootnoteDraft.Collect(notes);
        var paragraphs = Paragraphs(body, bodySize, pages);
        paragraphs.AddRange(loose.Select(l => new List<TextLine> { l }));

        var composer = new TextComposer(joiner);
        var numbers = drafts.Select(d => d.Number).ToHashSet();
        var marked = new HashSet<int>();
        IReadOnlyList<int>? MarkerOf(string raised) => Markers(raised, numbers, marked);
        foreach (var paragraph in paragraphs)
        {
            composer.BeginParagraph();
            foreach (var line in paragraph)
            {
                composer.AppendLine(line, MarkerOf);
            }
        }
        var footnotes = new List<PdfFootnote>(drafts.Count);
        if (drafts.Count > 0)
        {
            composer.BeginParagraph();
            composer.AppendRaw(FootnoteRule, drafts[0].Page);
            foreach (var draft in drafts)
            {
                composer.BeginParagraph("\n");
                string number = draft.Number.ToString(CultureInfo.InvariantCulture);
                composer.AppendRaw(number + " ", draft.Page);
                int start = composer.Length;
                for (int i = 0; i < draft.Lines.Count; i++)
                {
                    composer.AppendLine(draft.Lines[i], static _ => null);
                }
                composer.Finish();
                composer.Wrap(start, MaxFootnoteLine);
                int? marker = composer.Markers.TryGetValue(draft.Number, out int at) ? at : null;
                footnotes.Add(new PdfFootnote(draft.Number, draft.Page, start, composer.Length - start, marker, marker is null ? 0 : number.Length));
            }
        }
        composer.Finish();
        return new PdfDocumentText(composer.Text + "\n", pages.Count, composer.PageStarts, composer.PageNumbers, footnotes);
    }

    /// <summary>
    /// The footnote numbers a raised piece stands for ("5", "1, 2"), each once, in the order of the text; null when
    /// it is not a marker (an exponent, an ordinal's letters, a number no footnote has).
    /// </summary>
    private static List<int>? Markers(string raised, HashSet<int> numbers, HashSet<int> marked)
    {
        var parts = raised.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts.Length > 4)
        {
            return null;
        }
        var result = new List<int>(parts.Length);
        foreach (var part in parts)
        {
            if (part.Length > 3 || !part.All(char.IsAsciiDigit))
            {
                return null;
            }
            int n = int.Parse(part, CultureInfo.InvariantCulture);
            if (!numbers.Contains(n))
            {
                return null;
            }
            result.Add(n);
        }
        // The extractor links a footnote to one marker: a later marker of the same footnote is left out rather than
        // left as a bare number in the text.
        result.RemoveAll(n => !marked.Add(n));
        return result;
    }

    /// <summary>The size most of the text is set in.</summary>
    private static double BodySize(List<TextLine> lines) =>
        lines.GroupBy(l => Math.Round(l.Size * 2) / 2).MaxBy(g => g.Sum(l => l.Text.Length))!.Key;

    /// <summary>Groups the body's lines into paragraphs.</summary>
    private static List<List<TextLine>> Paragraphs(List<TextLine> body, double bodySize, IReadOnlyList<PageContent> pages)
    {
        var regular = body.Where(l => Math.Abs(l.Size - bodySize) <= 0.1 * bodySize).ToList();
        double margin = regular.Count == 0 ? 0 : regular.GroupBy(l => Math.Round(l.StartX)).MaxBy(g => g.Count())!.Key;
        // Justified lines share the right edge: the commonest end is the body's right margin (the widest line may be
        // the masthead's symbol, far to the right).
        double right = regular.Count == 0 ? 0 : regular.GroupBy(l => Math.Round(l.EndX)).MaxBy(g => g.Count())!.Key;
        var paragraphs = new List<List<TextLine>>();
        TextLine? previous = null;
        foreach (var line in body)
        {
            if (previous is null || !Continues(previous, line, margin, right, pages[line.Page - 1].Width))
            {
                paragraphs.Add([]);
            }
            paragraphs[^1].Add(line);
            previous = line;
        }
        return paragraphs;
    }

    /// <summary>Whether <paramref name="line"/> goes on with the paragraph whose last line is <paramref name="above"/>.</summary>
    private static bool Continues(TextLine above, TextLine line, double margin, double right, double pageWidth)
    {
        if (Math.Abs(above.Size - line.Size) > 0.15 * above.Size || above.BoldEnd != line.BoldStart)
        {
            return false; // a change of size or weight: the masthead's session, agenda item and title
        }
        if (line.Page == above.Page)
        {
            double pitch = above.Baseline - line.Baseline;
            if (pitch <= 0 || pitch > MaxLinePitch * Math.Max(above.Size, line.Size))
            {
                return false;
            }
        }
        else if (line.Page != above.Page + 1)
        {
            return false;
        }
        if (above.StartX > 0.5 * pageWidth)
        {
            return false; // lines set to the right (the meeting and date that close a resolution) stand alone
        }
        bool hanging = !double.IsNaN(above.SecondWordX) && Math.Abs(line.StartX - above.SecondWordX) <= 1.5;
        bool underneath = line.StartX <= above.StartX + 1.5 && (line.Page == above.Page || line.StartX <= margin + 1.5);
        if (!hanging && !underneath)
        {
            return false; // an indented line opens a paragraph
        }
        if (line.StartX > margin + 3 && !hanging && line.Page == above.Page && above.StartX > margin + 3)
        {
            return false; // two indented first lines one under the other: two paragraphs of one line
        }
        string end = above.Text;
        if (PartNumber().IsMatch(end) || PartNumber().IsMatch(line.Text))
        {
            return false; // the number of a part ("I", "II", "B") stands on a line of its own above the part's title
        }
        bool shortLine = right > 0 && above.EndX < right - ShortLine * (right - margin);
        return !(shortLine && end.Length > 0 && end[^1] is '.' or ';' or ':' or ',');
    }
}
