using System.Globalization;
using Graph.Pdf.Layout;

namespace Graph.Pdf.Text;

/// <summary>A footnote as read from the pages: its number, the page it opens on and its lines, its number left out.</summary>
internal sealed class FootnoteDraft(int number, int page)
{
    public int Number { get; } = number;

    public int Page { get; } = page;

    public List<TextLine> Lines { get; } = [];

    /// <summary>
    /// Reads the footnotes from the lines under the pages' rules, in page order. A line opening with a raised number
    /// higher than the last footnote's opens a footnote (a number may be missing from the sequence, never go back);
    /// a line opening with the next number set on the baseline does too. Any other line goes on with the footnote
    /// before it, on its page or the page before (a footnote runs on across a page break). Lines before the first
    /// footnote of the document belong to none: they are returned as loose lines, kept as text.
    /// </summary>
    public static (List<FootnoteDraft> Drafts, List<TextLine> Loose) Collect(IEnumerable<TextLine> lines)
    {
        var drafts = new List<FootnoteDraft>();
        var loose = new List<TextLine>();
        foreach (var line in lines)
        {
            int last = drafts.Count == 0 ? 0 : drafts[^1].Number;
            if (Opening(line, last) is ({ } number, { } rest))
            {
                var draft = new FootnoteDraft(number, line.Page);
                draft.Lines.Add(rest);
                drafts.Add(draft);
            }
            else if (drafts.Count > 0)
            {
                drafts[^1].Lines.Add(line);
            }
            else
            {
                loose.Add(line);
            }
        }
        return (drafts, loose);
    }

    private static (int? Number, TextLine? Remainder) Opening(TextLine line, int last)
    {
        int first = 0;
        while (first < line.Pieces.Count && string.IsNullOrWhiteSpace(line.Pieces[first].Text))
        {
            first++;
        }
        if (first == line.Pieces.Count)
        {
            return (null, null);
        }
        var piece = line.Pieces[first];
        string head = piece.Text.Trim();
        if (piece.Raised)
        {
            if (head.Length is > 0 and <= 3 && head.All(char.IsAsciiDigit) && int.Parse(head, CultureInfo.InvariantCulture) is int n && n > last)
            {
                return (n, line.WithPieces([.. line.Pieces.Skip(first + 1)]));
            }
            return (null, null);
        }
        // A number on the baseline: only the next one in sequence, alone or followed by a space, opens a footnote.
        string expected = (last + 1).ToString(CultureInfo.InvariantCulture);
        if (head == expected && line.Pieces.Skip(first + 1).All(p => string.IsNullOrWhiteSpace(p.Text)))
        {
            return (last + 1, line.WithPieces([]));
        }
        if (head.StartsWith(expected + " ", StringComparison.Ordinal))
        {
            string text = piece.Text.TrimStart()[(expected.Length + 1)..];
            return (last + 1, line.WithPieces([new LinePiece(text, false), .. line.Pieces.Skip(first + 1)]));
        }
        return (null, null);
    }
}
