namespace Graph.Pdf.Layout;

/// <summary>
/// A piece of a line: text on the line's baseline, or text raised above it in a smaller size (a footnote marker,
/// the number that opens a footnote, or an exponent). Spaces stand as the page showed them.
/// </summary>
internal readonly record struct LinePiece(string Text, bool Raised);

/// <summary>
/// One line of a page: the glyphs that share a baseline and stand together (a line far to the right of another on
/// the same baseline, such as the symbol beside "United Nations", is a line of its own), with the small raised
/// glyphs that belong to it.
/// </summary>
internal sealed class TextLine
{
    public required int Page { get; init; }

    /// <summary>The height of the line's baseline on its page.</summary>
    public required double Baseline { get; init; }

    /// <summary>The font size of the line's own (not raised) glyphs.</summary>
    public required double Size { get; init; }

    /// <summary>Where its first visible glyph (not raised) starts.</summary>
    public required double StartX { get; init; }

    /// <summary>Where its last visible glyph ends.</summary>
    public required double EndX { get; init; }

    /// <summary>
    /// Where its second word starts, or <see cref="double.NaN"/>: the next line of a paragraph with a hanging label
    /// (<c>78/163.</c>, <c>(a)</c>) starts there rather than under the label.
    /// </summary>
    public required double SecondWordX { get; init; }

    public required bool BoldStart { get; init; }

    public required bool BoldEnd { get; init; }

    /// <summary>Whether every visible glyph is drawn in a barcode font.</summary>
    public required bool Barcode { get; init; }

    public required IReadOnlyList<LinePiece> Pieces { get; init; }

    /// <summary>The line's text with raised pieces inline and each run of spaces made one, trimmed: for telling page furniture.</summary>
    public string Text => text ??= Collapse(string.Concat(Pieces.Select(p => p.Text)));

    /// <summary>Whether the line opens with raised digits (the number of a footnote under the rule).</summary>
    public bool OpensWithRaisedNumber => Pieces.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p.Text)) is { Raised: true } first
        && first.Text.Trim().All(char.IsAsciiDigit);

    private string? text;

    /// <summary>The same line with other pieces (a footnote's first line without its number).</summary>
    public TextLine WithPieces(IReadOnlyList<LinePiece> pieces) => new()
    {
        Page = Page,
        Baseline = Baseline,
        Size = Size,
        StartX = StartX,
        EndX = EndX,
        SecondWordX = SecondWordX,
        BoldStart = BoldStart,
        BoldEnd = BoldEnd,
        Barcode = Barcode,
        Pieces = pieces,
    };

    private static string Collapse(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString().TrimEnd();
    }
}
