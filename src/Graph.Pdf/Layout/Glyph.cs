namespace Graph.Pdf.Layout;

/// <summary>
/// One glyph as a page draws it, in PDF points with the origin at the bottom left: its text, where its baseline
/// starts and ends, its size and what its font says about it. The layout is read from these alone, so it can be
/// tested without a PDF.
/// </summary>
/// <param name="Value">The text the glyph stands for (a ligature may stand for two letters).</param>
/// <param name="X">Where its baseline starts.</param>
/// <param name="EndX">Where its baseline ends.</param>
/// <param name="Baseline">The height of its baseline.</param>
/// <param name="Size">Its font size in points.</param>
/// <param name="Bold">Whether its font is bold.</param>
/// <param name="Barcode">Whether its font draws a barcode (<c>*2324497*</c> at a page's foot), which is never text.</param>
internal readonly record struct Glyph(string Value, double X, double EndX, double Baseline, double Size, bool Bold = false, bool Barcode = false)
{
    public bool IsSpace => string.IsNullOrWhiteSpace(Value);
}
