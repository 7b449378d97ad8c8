using System.Text;
using System.Text.RegularExpressions;
using Graph.Pdf.Layout;

namespace Graph.Pdf.Text;

/// <summary>
/// Writes the rebuilt text paragraph by paragraph, recording the page each stretch of text comes from and where
/// each footnote marker lands.
/// </summary>
/// <remarks>
/// A marker is written as its number standing alone after the word it follows (<c>the Arms Trade Treaty, 5 including</c>):
/// that is how the extractor's layout reader finds markers in text converted from PDF, and it drops them from the
/// text it matches, so they neither become references nor glue onto one. Glued to the word (<c>Treaty5</c>) it would
/// be read as part of the word. A marker the page sets just before a full stop or colon is written just after it
/// (<c>Treaty. 5</c>): the reader takes a number followed by a full stop for a paragraph number or a date. Where
/// the words after a marker would make the reader take it for part of a date, range or count (<c>March 2018 10 and
/// 42/11</c>, <c>5 – 7</c>, <c>3 December</c>), two spaces follow it: the reader looks one space on, no further.
/// </remarks>
internal sealed partial class TextComposer(LineJoiner joiner)
{
    [GeneratedRegex(@"\G(?:[0-9]|[-–/%]|(?:to|and|or) [0-9]|(?:January|February|March|April|May|June|July|August|September|October|November|December|st|nd|rd|th)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex ReadOnFromMarker();

    private readonly StringBuilder text = new();
    private readonly List<int> pageStarts = [];
    private readonly List<int> pageNumbers = [];
    private readonly List<int> pendingMarkers = [];
    private readonly Dictionary<int, int> markers = [];
    private int paragraphStart;
    private bool pendingSpace, afterMarker;

    public int Length => text.Length;

    /// <summary>Where each footnote's marker was written: number → offset.</summary>
    public IReadOnlyDictionary<int, int> Markers => markers;

    public string Text => text.ToString();

    public int[] PageStarts => [.. pageStarts];

    public int[] PageNumbers => [.. pageNumbers];

    /// <summary>Starts a new paragraph; paragraphs after the first are set apart by an empty line.</summary>
    public void BeginParagraph(string separator = "\n\n")
    {
        FlushMarkers();
        if (text.Length > 0)
        {
            text.Append(separator);
        }
        paragraphStart = text.Length;
        pendingSpace = afterMarker = false;
    }

    /// <summary>
    /// Writes text that is not from a page (the footnote rule, a footnote's number), counted to <paramref name="page"/>;
    /// the paragraph's own text starts after it.
    /// </summary>
    public void AppendRaw(string s, int page)
    {
        MarkPage(page);
        text.Append(s);
        paragraphStart = text.Length;
    }

    /// <summary>
    /// Appends a line to the current paragraph: joined to the line before it as <see cref="LineJoiner"/> says, its
    /// raised pieces written as the markers <paramref name="markerOf"/> recognises, else as plain text.
    /// </summary>
    /// <param name="line">The line.</param>
    /// <param name="markerOf">The footnote numbers a raised piece stands for, or null when it is not a marker.</param>
    public void AppendLine(TextLine line, Func<string, IReadOnlyList<int>?> markerOf)
    {
        bool first = true;
        for (int i = 0; i < line.Pieces.Count; i++)
        {
            var piece = line.Pieces[i];
            if (piece.Raised && markerOf(piece.Text) is { } numbers)
            {
                pendingMarkers.AddRange(numbers);
                continue;
            }
            if (first && text.Length > paragraphStart)
            {
                JoinTo(piece.Text.TrimStart());
            }
            first = false;
            MarkPage(line.Page);
            Append(piece.Raised ? piece.Text.Trim() : piece.Text, glued: piece.Raised);
        }
        // The break at a line's end is a space unless the next line's start says otherwise (JoinTo).
        pendingSpace = false;
    }

    /// <summary>
    /// Breaks the line that starts at <paramref name="start"/> into lines of at most about <paramref name="width"/>
    /// characters, turning spaces into line breaks so that no offset moves. A break never follows a full stop (the
    /// extractor's layout reader takes a full stop at a line's end for the end of a footnote) nor comes before a
    /// number (which would read as the next footnote's).
    /// </summary>
    public void Wrap(int start, int width)
    {
        int lineStart = start;
        while (text.Length - lineStart > width)
        {
            int at = -1;
            for (int i = lineStart + width; i > lineStart + (width / 2); i--)
            {
                if (text[i] == ' ' && text[i - 1] is not ('.' or '。') && !char.IsAsciiDigit(text[i + 1]))
                {
                    at = i;
                    break;
                }
            }
            if (at < 0)
            {
                return; // no good place: the line stays long rather than break where it would misread
            }
            text[at] = '\n';
            lineStart = at + 1;
        }
    }

    /// <summary>Ends the text: writes any marker still pending.</summary>
    public void Finish() => FlushMarkers();

    private void JoinTo(string next)
    {
        if (pendingMarkers.Count > 0 || afterMarker)
        {
            pendingSpace = true;
            return;
        }
        int end = text.Length;
        int from = Math.Max(paragraphStart, end - 64);
        var tail = text.ToString(from, end - from);
        switch (joiner.Decide(tail, next))
        {
            case Join.Space:
                pendingSpace = true;
                break;
            case Join.DropHyphen:
                text.Length--;
                pendingSpace = false;
                break;
            default:
                pendingSpace = false;
                break;
        }
    }

    private void Append(string s, bool glued)
    {
        if (glued)
        {
            // A raised piece that is no marker (an exponent, "km2") joins the text before it as it stands.
            pendingSpace = false;
        }
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = text.Length > paragraphStart || pendingMarkers.Count > 0;
                continue;
            }
            if (pendingMarkers.Count > 0)
            {
                if (c is '.' or ':')
                {
                    text.Append(c);
                    FlushMarkers();
                    pendingSpace = true;
                    continue;
                }
                FlushMarkers();
            }
            if (afterMarker)
            {
                pendingSpace = c is not (',' or ';' or ')' or ']');
                afterMarker = false;
                if (pendingSpace && ReadOnFromMarker().IsMatch(s, i))
                {
                    text.Append(' ');
                }
            }
            if (pendingSpace && text.Length > paragraphStart && !(Cjk.Is(text[^1]) && Cjk.Is(c)))
            {
                text.Append(' ');
            }
            pendingSpace = false;
            text.Append(c);
        }
    }

    private void FlushMarkers()
    {
        foreach (int number in pendingMarkers)
        {
            if (text.Length > paragraphStart && text[^1] != ' ')
            {
                text.Append(' ');
            }
            markers[number] = text.Length;
            text.Append(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            afterMarker = true;
        }
        pendingMarkers.Clear();
    }

    private void MarkPage(int page)
    {
        if (pageNumbers.Count == 0 || pageNumbers[^1] != page)
        {
            pageStarts.Add(text.Length);
            pageNumbers.Add(page);
        }
    }
}
