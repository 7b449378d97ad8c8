using System.Text.RegularExpressions;

namespace Graph.Text;

/// <summary>A footnote: its number, where its number and its text stand, and where its marker stands in the body.</summary>
/// <param name="Number">The footnote's number.</param>
/// <param name="NumberStart">Offset of the number that opens the footnote at the page bottom.</param>
/// <param name="NumberLength">Length of that number.</param>
/// <param name="Start">Offset of the footnote's text (after its number).</param>
/// <param name="End">Offset just after the footnote's text.</param>
public sealed record Footnote(int Number, int NumberStart, int NumberLength, int Start, int End)
{
    /// <summary>Offset of the marker in the body that points here; null when no marker was found.</summary>
    public int? MarkerStart { get; init; }

    public int MarkerLength { get; init; }

    public bool Contains(int offset) => offset >= Start && offset < End;
}

/// <summary>
/// The layout of a resolution as PDF extraction leaves it, read from the original text: the footnotes at the
/// page bottoms (under a rule of underscores, each opening with its number, numbered on across pages) and the
/// markers in the body that point to them. Footnote numbers and markers are not text: the normaliser drops
/// them, so they can neither become references nor glue onto one.
/// </summary>
/// <remarks>
/// A footnote is told from the body by its number, which must be the next in sequence, and by its end: UN
/// footnotes end with a full stop, after which only the next footnote, a link line or the end of the block may
/// follow. A marker is the footnote's number standing alone in the body between the previous marker and the
/// footnote itself, next to a word or punctuation, and not a day, a year, a paragraph or a count.
/// </remarks>
public sealed partial class DocumentLayout
{
    private DocumentLayout(IReadOnlyList<Footnote> footnotes, IReadOnlyList<(int Start, int Length)> separators, IReadOnlyList<(int Start, int Length)> runningHeads)
    {
        Footnotes = footnotes;
        Separators = separators;
        RunningHeads = runningHeads;
    }

    /// <summary>
    /// The running heads at the tops of pages (<c>以实际裁军措施巩固和平 A/RES/69/60</c>, <c>A/RES/68/72 Assistance in
    /// mine action</c>): short lines that print the document's own symbol beside its title. A line is one when its
    /// symbol is the one the heading (<c>69/60.</c>) gives, or when the same symbol heads two or more such lines; a
    /// body line that happens to end with a cited symbol has neither.
    /// </summary>
    public IReadOnlyList<(int Start, int Length)> RunningHeads { get; }

    /// <summary>The footnotes in order of number.</summary>
    public IReadOnlyList<Footnote> Footnotes { get; }

    /// <summary>The rules of underscores that open footnote blocks.</summary>
    public IReadOnlyList<(int Start, int Length)> Separators { get; }

    /// <summary>The footnote whose text holds <paramref name="offset"/>, or null when it is in the body.</summary>
    public Footnote? FootnoteAt(int offset)
    {
        foreach (var f in Footnotes)
        {
            if (f.Contains(offset))
            {
                return f;
            }
        }
        return null;
    }

    [GeneratedRegex(@"^_{5,80}$", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(?:[^,，。;；:：]{1,100}?[ \t\u3000]{1,8})?(?<symbol>[AS]/RES/[0-9A-Z/\-]{1,20}(?: ?\([0-9]{4}\))?)(?:[ \t\u3000]{1,8}[^,，。;；:：]{1,100})?$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex RunningHeadLine();

    [GeneratedRegex(@"^[ \t\u3000]{0,8}(?<session>(?:E?S-)?[0-9]{1,3})/(?<number>[0-9]{1,4})\.(?![0-9])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^(?<n>[0-9]{1,3})(?:[ \t\u3000]{1,8}(?<text>\S.*))?$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteOpening();

    [GeneratedRegex(@"^https?://\S{1,300}$", RegexOptions.CultureInvariant)]
    private static partial Regex LinkLine();

    // A line that ends one of these abbreviations has not ended its footnote: "Treaty Series, vol. 2515, No."
    [GeneratedRegex(@"(?:\b(?:vol|No|Nos|para|paras|p|pp|art|arts|chap|sect|e\.g|i\.e|cf|Corr|Add|Rev)\.)$", RegexOptions.CultureInvariant)]
    private static partial Regex AbbreviationEnd();

    /// <summary>Reads the layout of <paramref name="original"/>. Text with no footnotes has an empty layout.</summary>
    public static DocumentLayout Analyse(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var footnotes = new List<Footnote>();
        var separators = new List<(int, int)>();
        var blocks = new List<(int Start, int End)>();

        var runningHeads = FindRunningHeads(original);
        int expected = 1;
        bool inBlock = false;
        int blockStart = 0;
        Footnote? open = null;
        bool openEnded = false;

        foreach (var (start, end) in Lines(original))
        {
            var raw = original.AsSpan(start, end - start);
            var line = raw.Trim();
            int lineStart = start + (raw.Length - raw.TrimStart().Length);
            if (line.Length is >= 5 and <= 80 && line[0] == '_' && Separator().IsMatch(line))
            {
                separators.Add((lineStart, line.Length));
                inBlock = true;
                blockStart = lineStart;
                continue;
            }
            if (StartsOne(runningHeads, lineStart))
            {
                // A running head starts a new page: whatever footnote block was open has ended.
                if (inBlock)
                {
                    inBlock = false;
                    blocks.Add((blockStart, open?.End ?? blockStart));
                    Close(footnotes, open);
                    open = null;
                }
                continue;
            }
            if (!inBlock || line.IsEmpty)
            {
                continue;
            }
            var opening = line.Length <= 2000 ? FootnoteOpening().Match(line.ToString()) : Match.Empty;
            if (opening.Success && int.Parse(opening.Groups["n"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture) == expected)
            {
                Close(footnotes, open);
                var text = opening.Groups["text"];
                int contentStart = text.Success ? lineStart + text.Index : end;
                open = new Footnote(expected, lineStart, opening.Groups["n"].Length, contentStart, text.Success ? lineStart + line.Length : end);
                openEnded = text.Success && EndsFootnote(text.ValueSpan);
                expected++;
                continue;
            }
            if (open is not null && !openEnded)
            {
                open = open with { Start = open.Start >= open.End && open.NumberStart + open.NumberLength <= lineStart ? lineStart : open.Start, End = lineStart + line.Length };
                openEnded = EndsFootnote(line);
                continue;
            }
            if (open is not null && line.Length <= 300 && LinkLine().IsMatch(line))
            {
                // The link targets a PDF prints under its footnotes belong to the block, not to the body.
                open = open with { End = lineStart + line.Length };
                continue;
            }
            inBlock = false;
            blocks.Add((blockStart, open?.End ?? blockStart));
            Close(footnotes, open);
            open = null;
        }
        if (inBlock)
        {
            blocks.Add((blockStart, open?.End ?? blockStart));
        }
        Close(footnotes, open);
        return new DocumentLayout(FindMarkers(original, footnotes, blocks), separators, runningHeads);
    }

    private static List<(int Start, int Length)> FindRunningHeads(string original)
    {
        var candidates = new List<(int Start, int Length, string Symbol)>();
        // Only a line holding /RES/ can be one: jump from one to the next instead of looking at every line.
        foreach (var (start, lineEnd) in LinesHolding(original, "/RES/", original.Length))
        {
            int end = lineEnd > start && original[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            var raw = original.AsSpan(start, end - start);
            var line = raw.Trim();
            if (line.Length > 160)
            {
                continue;
            }
            var m = RunningHeadLine().Match(line.ToString());
            if (m.Success)
            {
                string symbol = m.Groups["symbol"].Value.Replace(" ", "", StringComparison.Ordinal);
                candidates.Add((start + (raw.Length - raw.TrimStart().Length), line.Length, symbol));
            }
        }
        if (candidates.Count == 0)
        {
            return [];
        }
        var heading = HeadingLine().Match(original, 0, Math.Min(original.Length, 4000));
        string? own = heading.Success ? $"A/RES/{heading.Groups["session"].Value}/{heading.Groups["number"].Value}" : null;
        var repeated = candidates.GroupBy(c => c.Symbol).Where(g => g.Count() >= 2).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return candidates.Where(c => c.Symbol == own || repeated.Contains(c.Symbol)).Select(c => (c.Start, c.Length)).ToList();
    }

    private static void Close(List<Footnote> footnotes, Footnote? open)
    {
        if (open is not null)
        {
            footnotes.Add(open);
        }
    }

    private static bool EndsFootnote(ReadOnlySpan<char> line)
    {
        var t = line.TrimEnd();
        return t.Length > 0 && t[^1] is '。' or '.' or '．' && !AbbreviationEnd().IsMatch(t);
    }

    /// <summary>
    /// The lines of <paramref name="s"/> before <paramref name="end"/> that hold <paramref name="literal"/>, each once:
    /// start and end offsets, the line break excluded (a CR before it kept), a line cut at <paramref name="end"/>
    /// ending there. Found by a vectorised search for the literal, not line by line.
    /// </summary>
    internal static IEnumerable<(int Start, int End)> LinesHolding(string s, string literal, int end)
    {
        for (int from = 0; from < end;)
        {
            int hit = s.AsSpan(from, end - from).IndexOf(literal, StringComparison.Ordinal);
            if (hit < 0)
            {
                yield break;
            }
            hit += from;
            int start = hit == 0 ? 0 : s.LastIndexOf('\n', hit - 1) + 1;
            int lineEnd = s.AsSpan(hit, end - hit).IndexOf('\n');
            lineEnd = lineEnd < 0 ? end : hit + lineEnd;
            yield return (start, lineEnd);
            from = lineEnd + 1;
        }
    }

    /// <summary>The lines of <paramref name="s"/>: start and end offsets, the line break (and a CR before it) excluded.</summary>
    internal static IEnumerable<(int Start, int End)> Lines(string s)
    {
        int start = 0;
        while (start <= s.Length)
        {
            int nl = s.IndexOf('\n', start);
            int end = nl < 0 ? s.Length : nl;
            yield return (start, end > start && s[end - 1] == '\r' ? end - 1 : end);
            if (nl < 0)
            {
                yield break;
            }
            start = nl + 1;
        }
    }

    private static List<Footnote> FindMarkers(string text, List<Footnote> footnotes, List<(int Start, int End)> blocks)
    {
        var result = new List<Footnote>(footnotes.Count);
        int from = 0;
        foreach (var f in footnotes)
        {
            // The marker stands before its footnote's block, in the body, after the previous marker.
            (int Start, int End) fallback = (f.NumberStart, f.NumberStart);
            int blockStart = blocks.FirstOrDefault(b => f.NumberStart >= b.Start && f.NumberStart <= b.End, fallback).Start;
            int? marker = FindMarker(text, f.Number, from, blockStart, blocks);
            if (marker is { } at)
            {
                int length = f.Number.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
                result.Add(f with { MarkerStart = at, MarkerLength = length });
                from = at + length;
            }
            else
            {
                result.Add(f);
            }
        }
        return result;
    }

    // A loop rather than List.Exists with a lambda, which captured the line and so allocated a closure and a
    // delegate for every line (with Spans.IndexHolding's twin, a sixth of what extracting a document allocated).
    private static bool StartsOne(List<(int Start, int Length)> spans, int at)
    {
        foreach (var span in spans)
        {
            if (span.Start == at)
            {
                return true;
            }
        }
        return false;
    }

    private static int? FindMarker(string text, int number, int from, int to, List<(int Start, int End)> blocks)
    {
        string digits = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (int at = from; at < to;)
        {
            int found = text.IndexOf(digits, at, to - at, StringComparison.Ordinal);
            if (found < 0)
            {
                return null;
            }
            at = found + 1;
            if (Spans.IndexHolding(blocks, found) < 0 && IsMarkerAt(text, found, digits.Length))
            {
                return found;
            }
        }
        return null;
    }

    [GeneratedRegex(@"\G(?:[0-9]|[ \t]?(?:[年月日号段卷届次条款项个%％/／.．:：\-–]|st\b|nd\b|rd\b|th\b|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:to|and|or)[ \t][0-9]))", RegexOptions.CultureInvariant)]
    private static partial Regex NotAfterMarker();

    // A number right after one of these words is what the word numbers ("paragraph 2", "Article 3", "item 97",
    // "December 3"), not a marker. Case is ignored: UN texts capitalise some ("Article 3", "Rule 12") and a
    // sentence may start with any. A number before it is no reason: a marker often follows a year or a symbol
    // ("the Geneva Conventions of 12 August 1949 1 and", "A/68/63 5").
    [GeneratedRegex(@"(?:第|[(（/\-–]|\b(?i:January|February|March|April|May|June|July|August|September|October|November|December|para|paras|paragraph|paragraphs|subparagraph|subparagraphs|vol|volume|No|p|pp|page|pages|art|article|articles|item|items|annex|annexes|appendix|chap|chapter|chapters|sect|section|sections|part|rule|rules|principle|principles|goal|goals|target|targets|recommendation|recommendations|resolution|resolutions|decision|decisions|meeting|session|Nos|Add|Corr|Rev|and|to|or|of)\.?)[ \t]{0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex NotBeforeMarker();

    private static bool IsMarkerAt(string text, int at, int length)
    {
        if (NotAfterMarker().IsMatch(text, at + length))
        {
            return false;
        }
        if (at > 0 && char.IsAsciiLetterOrDigit(text[at - 1]))
        {
            return false;
        }
        // Skip back over the line breaks and blank lines that PDF extraction puts around a marker.
        int end = at;
        for (int skipped = 0; end > 0 && skipped < 40 && char.IsWhiteSpace(text[end - 1]); skipped++)
        {
            end--;
        }
        if (end == 0 || char.IsWhiteSpace(text[end - 1]))
        {
            return false;
        }
        string before = text[Math.Max(0, end - 16)..end];
        return !NotBeforeMarker().IsMatch(before);
    }
}
