using Graph.Pdf.Layout;
using UglyToad.PdfPig.Content;

namespace Graph.Pdf;

/// <summary>Turns a PdfPig page into the plain data the layout reads, so that everything after this is PdfPig-free.</summary>
internal static class PdfPageReader
{
    // A footnote rule is a hairline: at most this thick, and long enough not to be a stray dash.
    private const double MaxRuleThickness = 2, MinRuleLength = 20;

    public static PageContent Read(Page page)
    {
        var glyphs = new List<Glyph>(page.Letters.Count);
        foreach (var letter in page.Letters)
        {
            // Text turned on its side (a margin note) is not part of the page's lines.
            if (letter.TextOrientation != TextOrientation.Horizontal || string.IsNullOrEmpty(letter.Value))
            {
                continue;
            }
            string font = letter.FontName ?? "";
            bool bold = letter.FontDetails?.IsBold == true || font.Contains("Bold", StringComparison.OrdinalIgnoreCase);
            glyphs.Add(new Glyph(
                letter.Value,
                letter.StartBaseLine.X,
                letter.EndBaseLine.X,
                letter.StartBaseLine.Y,
                letter.PointSize,
                bold,
                font.Contains("Barcode", StringComparison.OrdinalIgnoreCase)));
        }
        var rules = new List<Rule>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsFilled || path.IsStroked) || path.GetBoundingRectangle() is not { } box)
            {
                continue;
            }
            if (box.Height <= MaxRuleThickness && box.Width >= MinRuleLength)
            {
                rules.Add(new Rule(box.Left, box.Right, (box.Bottom + box.Top) / 2));
            }
        }
        return new PageContent(page.Number, page.Width, page.Height, glyphs, rules, page.NumberOfImages);
    }
}
