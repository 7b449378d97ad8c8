namespace Graph.Pdf;

/// <summary>
/// The text rebuilt from a PDF, in the form the text extractor reads (see <see cref="PdfText"/>), with the page each
/// character came from and the footnotes linked to their markers.
/// </summary>
public sealed class PdfDocumentText
{
    // pageStarts[i] is the first offset of Text that comes from page pageNumbers[i]; the offsets rise.
    private readonly int[] pageStarts;
    private readonly int[] pageNumbers;

    internal PdfDocumentText(string text, int pages, int[] pageStarts, int[] pageNumbers, IReadOnlyList<PdfFootnote> footnotes)
    {
        Text = text;
        Pages = pages;
        this.pageStarts = pageStarts;
        this.pageNumbers = pageNumbers;
        Footnotes = footnotes;
    }

    /// <summary>The rebuilt text: the body as paragraphs, one a line, then a rule and the footnotes, one a line.</summary>
    public string Text { get; }

    /// <summary>How many pages the PDF has.</summary>
    public int Pages { get; }

    /// <summary>The footnotes in order of number, each with where its text and its marker stand in <see cref="Text"/>.</summary>
    public IReadOnlyList<PdfFootnote> Footnotes { get; }

    /// <summary>
    /// The page (from 1) the character at <paramref name="offset"/> of <see cref="Text"/> came from. A space or line
    /// break the rebuilding put in belongs to the page of the text before it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="offset"/> is not within <see cref="Text"/> (its length is allowed).</exception>
    public int PageAt(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, Text.Length);
        int lo = 0, hi = pageStarts.Length - 1;
        if (hi < 0)
        {
            return 1;
        }
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (pageStarts[mid] <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return pageNumbers[lo];
    }
}
