namespace Graph.Pdf;

/// <summary>A footnote of a PDF and where it stands in the text rebuilt from it.</summary>
/// <param name="Number">Its number, as printed.</param>
/// <param name="Page">The page (from 1) its number stands on; a footnote that runs on to the next page starts here.</param>
/// <param name="Start">Offset in <see cref="PdfDocumentText.Text"/> of its text, after its number.</param>
/// <param name="Length">Length of its text (joined into one line).</param>
/// <param name="MarkerStart">Offset in <see cref="PdfDocumentText.Text"/> of its marker in the body, or null when the body has none.</param>
/// <param name="MarkerLength">Length of the marker (its number's digits); 0 without a marker.</param>
public sealed record PdfFootnote(int Number, int Page, int Start, int Length, int? MarkerStart, int MarkerLength);
