using System.Text.RegularExpressions;

namespace Graph.Pdf.Layout;

/// <summary>
/// Tells the parts of a page apart by where its lines stand and how large they are, as a reader does:
/// <list type="bullet">
/// <item><b>Running head</b>: on every page after the first, the small lines at the very top (the symbol and the
/// title, one or two lines).</item>
/// <item><b>Footer</b>: lines in the bottom tenth that are a job number (<c>23-24497 (E) 181223</c>), a barcode
/// (<c>*2324497*</c>, or anything in a barcode font) or a page number (<c>2/4</c>).</item>
/// <item><b>Footnotes</b>: everything above the footer and under a short rule (a line of underscores, or a thin
/// drawn line) when all of it is set smaller than the body; without a rule, the small lines at the bottom of the
/// page when the first of them opens with a raised number.</item>
/// </list>
/// The rest is the body. The first page's masthead (symbol, "United Nations", distribution, session, agenda item)
/// stays in the body: the extractor reads the symbol, session and agenda item from it.
/// </summary>
internal static partial class PageRegions
{
    // A line of a footnote or a running head is set at 8 to 8.5 pt against a body of 10 pt.
    private const double SmallerThanBody = 0.92;

    // The running head stands in the top 15% of the page, the footer in the bottom 10%.
    private const double TopZone = 0.85, BottomZone = 0.1;

    [GeneratedRegex(@"^(?:[0-9]{2}-[0-9]{5}(?: ?\([A-Z]\))?(?: [0-9]{6}){0,2}|\*[0-9]{5,12}\*|[0-9]{1,3} ?/ ?[0-9]{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Furniture();

    [GeneratedRegex(@"^_{5,200}$", RegexOptions.CultureInvariant)]
    private static partial Regex UnderscoreRule();

    /// <summary>The region of each of <paramref name="lines"/> (a page's lines, top to bottom).</summary>
    public static Region[] Classify(PageContent page, IReadOnlyList<TextLine> lines, double bodySize)
    {
        var regions = new Region[lines.Count];
        double small = SmallerThanBody * bodySize;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Baseline < BottomZone * page.Height && (line.Barcode || (line.Text.Length <= 64 && Furniture().IsMatch(line.Text))))
            {
                regions[i] = Region.Footer;
            }
        }
        if (page.Number > 1)
        {
            for (int i = 0; i < lines.Count && lines[i].Baseline > TopZone * page.Height && lines[i].Size < small; i++)
            {
                regions[i] = Region.RunningHead;
            }
        }
        MarkFootnotes(page, lines, regions, small);
        return regions;
    }

    private static void MarkFootnotes(PageContent page, IReadOnlyList<TextLine> lines, Region[] regions, double small)
    {
        // A rule of underscores set as text, else a thin drawn line, with only small lines under it.
        for (int i = 0; i < lines.Count; i++)
        {
            if (regions[i] == Region.Body && lines[i].Text.Length <= 200 && UnderscoreRule().IsMatch(lines[i].Text) && AllSmallBelow(lines, regions, lines[i].Baseline, small))
            {
                regions[i] = Region.FootnoteRule;
                MarkBelow(lines, regions, lines[i].Baseline);
                return;
            }
        }
        foreach (var rule in page.Rules.OrderByDescending(r => r.Y))
        {
            double width = rule.Right - rule.Left;
            if (width >= 20 && width <= 0.5 * page.Width && AllSmallBelow(lines, regions, rule.Y, small))
            {
                MarkBelow(lines, regions, rule.Y);
                return;
            }
        }
        // No rule: the small lines at the foot of the page, the first of them opening with a raised number.
        int top = -1;
        for (int i = lines.Count - 1; i >= 0; i--)
        {
            if (regions[i] == Region.Footer)
            {
                continue;
            }
            if (regions[i] != Region.Body || lines[i].Size >= small)
            {
                break;
            }
            top = i;
        }
        if (top >= 0 && lines[top].OpensWithRaisedNumber)
        {
            for (int i = top; i < lines.Count; i++)
            {
                if (regions[i] == Region.Body)
                {
                    regions[i] = Region.Footnote;
                }
            }
        }
    }

    private static bool AllSmallBelow(IReadOnlyList<TextLine> lines, Region[] regions, double y, double small)
    {
        bool any = false;
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Baseline < y && regions[i] == Region.Body)
            {
                if (lines[i].Size >= small)
                {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static void MarkBelow(IReadOnlyList<TextLine> lines, Region[] regions, double y)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Baseline < y && regions[i] == Region.Body)
            {
                regions[i] = Region.Footnote;
            }
        }
    }
}
