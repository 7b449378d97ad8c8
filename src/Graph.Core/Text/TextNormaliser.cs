using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.RegularExpressions;

namespace Graph.Text;

/// <summary>
/// Turns text as PDF extraction leaves it into text the recognisers can match, remembering for every
/// character where it came from. What changes, and why:
/// <list type="bullet">
/// <item>Full-width ASCII (<c>１２</c>, <c>／</c>, <c>（）</c>, <c>，</c>) becomes ASCII, so one pattern serves both widths.</item>
/// <item>A word drawn three or more times in a row by a bold font (<c>大会大会大会大会</c>) is kept once.</item>
/// <item>Whitespace next to Chinese characters or punctuation is dropped (<c>第60/97 号 决议</c> → <c>第60/97号决议</c>);
/// other whitespace runs become one space, or one line break if they held one.</item>
/// <item>Page furniture lines (barcodes <c>*2016878*</c>, job numbers <c>20-16878 (C)</c>, page numbers <c>3/4</c>,
/// <c>Distr.: General</c>) are dropped, so they cannot split or join the text around them.</item>
/// <item>A line break after a hyphen in English is dropped; the hyphen too where the halves make a word the
/// recognisers need (<c>resolu-\ntion</c>). Soft hyphens and zero-width characters vanish.</item>
/// </list>
/// </summary>
internal static partial class TextNormaliser
{
    // Bold text in UN PDFs is drawn four times over; three copies is the least we treat as that artefact,
    // so an ordinary doubled word (谢谢, "that that") is left alone. Bounded: 2 to 12 letters a copy, at most
    // 5 copies after the first.
    private const int MinCopyLength = 2, MaxCopyLength = 12, MaxExtraCopies = 5;

    [GeneratedRegex(@"^(?:\*[0-9]{5,12}\*|[0-9]{2}-[0-9]{5}\s{0,4}\([A-Z]\)(?:\s{1,8}[0-9]{6}){0,2}|[0-9]{1,3}/[0-9]{1,3}|Distr\.:\s{0,3}[A-Za-z]{1,12})$", RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureLine();

    public static SourceText Normalise(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var layout = DocumentLayout.Analyse(original);
        // Normalising never lengthens the text (each character gives one at most, a whitespace run one in all), so
        // the buffers are sized once, and borrowed: they are garbage the moment the result is built.
        bool[] skip = ArrayPool<bool>.Shared.Rent(original.Length);
        char[] text = ArrayPool<char>.Shared.Rent(original.Length);
        int[] map = ArrayPool<int>.Shared.Rent(original.Length + 1);
        try
        {
            Array.Clear(skip, 0, original.Length);
            MarkSkipped(original, skip);
            MarkLayout(skip, layout);
            int length = Normalise(original, skip, text, map);
            return new SourceText(original, new string(text, 0, length), map.AsSpan(0, length + 1).ToArray(), layout);
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(skip);
            ArrayPool<char>.Shared.Return(text);
            ArrayPool<int>.Shared.Return(map);
        }
    }

    /// <summary>Writes the normalised text into <paramref name="text"/> and where each character came from into <paramref name="map"/>; returns its length.</summary>
    private static int Normalise(string original, bool[] skip, char[] text, int[] map)
    {
        int length = 0;
        int pendingSpace = -1;       // original index of the first character of a pending whitespace run
        bool pendingNewline = false;
        char previous = '\0';        // the last original character emitted (before folding)

        for (int i = 0; i < original.Length; i++)
        {
            char c = original[i];
            // Most characters are printable ASCII other than a hyphen: not space, not invisible, folded to themselves
            // and never CJK, so only the space pending before one needs a look (the general path below is the same).
            if (IsPlainAscii(c) && !skip[i])
            {
                if (pendingSpace >= 0)
                {
                    if (!CharClass.IsCjk(previous))
                    {
                        text[length] = pendingNewline ? '\n' : ' ';
                        map[length++] = pendingSpace;
                    }
                    pendingSpace = -1;
                    pendingNewline = false;
                }
                // The run of such characters from here, with the single spaces between them, comes out as it is.
                i = CopyAsIs(original, i, PlainRun(original, skip, i), text, map, ref length);
                previous = original[i];
                continue;
            }
            if (skip[i] || IsSpace(c))
            {
                if (length > 0)
                {
                    if (pendingSpace < 0)
                    {
                        pendingSpace = i;
                    }
                    pendingNewline |= c is '\n' or '\r' || skip[i];
                }
                continue;
            }
            if (CharClass.IsInvisible(c))
            {
                continue;
            }
            if (c == '-' && IsHyphenatedBreak(original, i, skip, previous))
            {
                // A hyphen at a line end is usually a compound's own (mine-action, seventy-first): keep it and drop
                // the break. Only where the two halves make a word the recognisers key on is it a broken word.
                int next = NextNonSpace(original, i + 1, skip);
                if (!JoinsKeyword(original, i, next))
                {
                    text[length] = '-';
                    map[length++] = i;
                    previous = c;
                }
                i = next - 1;
                continue;
            }
            if (pendingSpace >= 0)
            {
                if (!CharClass.IsCjk(previous) && !CharClass.IsCjk(c))
                {
                    text[length] = pendingNewline ? '\n' : ' ';
                    map[length++] = pendingSpace;
                }
                pendingSpace = -1;
                pendingNewline = false;
            }
            if (IsPlainCjk(c))
            {
                // Chinese text runs on without spaces, and its ideographs, its punctuation and the ASCII between them
                // (第63/71号) come out as they are: copied as a run, as English text is above.
                i = CopyAsIs(original, i, CjkRun(original, skip, i), text, map, ref length);
                previous = original[i];
                continue;
            }
            text[length] = Fold(c);
            map[length++] = i;
            previous = c;
        }
        map[length] = original.Length;
        return length;
    }

    // Longer than a line of text: a run goes on in the next window.
    private const int PlainWindow = 512;

    /// <summary>Printable ASCII but the space and the hyphen (which may end a broken line): folded to itself, never CJK.</summary>
    private static bool IsPlainAscii(char c) => c is > ' ' and < '\u007F' and not '-';

    // What PlainRun copies: those characters, and the space.
    private static readonly SearchValues<char> PlainOrSpace =
        SearchValues.Create([' ', .. Enumerable.Range(0, 128).Select(c => (char)c).Where(IsPlainAscii)]);

    /// <summary>
    /// How many characters from <paramref name="start"/> (<see cref="IsPlainAscii"/>, not skipped) normalise to
    /// themselves: such characters with single spaces between them, none skipped. A space is kept as it
    /// is when a character of that kind stands on either side (Normalise would write a pending space there, at the
    /// space's own place); two spaces, a space at the run's end or any other character end the run, and it is at most
    /// <see cref="PlainWindow"/> long. Found with vector searches, so a line of English is copied at once instead of
    /// character by character.
    /// </summary>
    private static int PlainRun(string original, bool[] skip, int start)
    {
        // At most a window at a time, so each search is bounded: a text of one letter fifty megabytes long, skipped
        // every few dozen characters (a repeated word), would otherwise search to its end from each of them.
        var rest = original.AsSpan(start, Math.Min(PlainWindow, original.Length - start));
        int run = rest.IndexOfAnyExcept(PlainOrSpace);
        if (run < 0)
        {
            run = rest.Length;
        }
        int doubled = rest[..run].IndexOf("  ", StringComparison.Ordinal);
        if (doubled >= 0)
        {
            run = doubled;
        }
        int skipped = skip.AsSpan(start, run).IndexOf(true);
        if (skipped >= 0)
        {
            run = skipped;
        }
        // A space that ends the run may start a longer whitespace run or a line break: Normalise decides.
        return rest[run - 1] == ' ' ? run - 1 : run;
    }

    /// <summary>Ideographs and CJK punctuation but the ideographic space: not spaces, and folded to themselves.</summary>
    private static bool IsPlainCjk(char c) => CharClass.IsIdeograph(c) || c is >= '\u3001' and <= '\u303F';

    /// <summary>
    /// How many characters from <paramref name="start"/> (<see cref="IsPlainCjk"/>, not skipped) normalise to
    /// themselves with no space between them: such characters and <see cref="IsPlainAscii"/> ones, none skipped.
    /// </summary>
    private static int CjkRun(string original, bool[] skip, int start)
    {
        int end = start + 1;
        while (end < original.Length && !skip[end]
            && (IsPlainCjk(original[end]) || IsPlainAscii(original[end])))
        {
            end++;
        }
        return end - start;
    }

    /// <summary>
    /// Writes <paramref name="run"/> characters of <paramref name="original"/> from <paramref name="start"/> unchanged at
    /// <paramref name="length"/>, each mapped to its own place, and moves <paramref name="length"/> past them; returns
    /// the index of the last one.
    /// </summary>
    private static int CopyAsIs(string original, int start, int run, char[] text, int[] map, ref int length)
    {
        original.AsSpan(start, run).CopyTo(text.AsSpan(length));
        FillCounting(map.AsSpan(length, run), start);
        length += run;
        return start + run - 1;
    }

    /// <summary>Fills <paramref name="map"/> with <paramref name="first"/>, <paramref name="first"/> + 1, …</summary>
    private static void FillCounting(Span<int> map, int first)
    {
        int k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var next = Vector256.Create(first) + Vector256<int>.Indices;
            var step = Vector256.Create(Vector256<int>.Count);
            for (; k + Vector256<int>.Count <= map.Length; k += Vector256<int>.Count)
            {
                next.CopyTo(map[k..]);
                next += step;
            }
        }
        for (; k < map.Length; k++)
        {
            map[k] = first + k;
        }
    }

    /// <summary>Footnote rules, running heads, the numbers that open footnotes and the markers in the body are layout, not text.</summary>
    private static void MarkLayout(bool[] skip, DocumentLayout layout)
    {
        foreach (var (start, length) in layout.Separators.Concat(layout.RunningHeads))
        {
            Array.Fill(skip, true, start, length);
        }
        foreach (var f in layout.Footnotes)
        {
            Array.Fill(skip, true, f.NumberStart, f.NumberLength);
            if (f.MarkerStart is { } marker)
            {
                Array.Fill(skip, true, marker, f.MarkerLength);
            }
        }
    }

    private static void MarkSkipped(string original, bool[] skip)
    {
        foreach (var (start, copy, length) in RepeatedWords(original))
        {
            Array.Fill(skip, true, start + copy, length - copy);
        }
        foreach (var (lineStart, lineEnd) in DocumentLayout.Lines(original))
        {
            if (lineEnd - lineStart <= 64)
            {
                var line = original.AsSpan(lineStart, lineEnd - lineStart).Trim();
                if (!line.IsEmpty && FurnitureLine().IsMatch(line))
                {
                    Array.Fill(skip, true, lineStart, lineEnd - lineStart);
                }
            }
        }
    }

    /// <summary>
    /// Every run of a word drawn three or more times, left to right, where it starts: the length of one copy and of
    /// the whole run.
    /// </summary>
    internal static IEnumerable<(int Start, int Copy, int Length)> RepeatedWords(string text)
    {
        for (int at = NextPossibleRun(text, 0); at < text.Length; at = NextPossibleRun(text, at))
        {
            if (RepeatedWordAt(text, at) is (int copy, int length))
            {
                yield return (at, copy, length);
                at += length;
            }
            else
            {
                at++;
            }
        }
    }

    // NextPossibleRun tests this many positions at a time, and compares this many characters from each block start
    // (the block, and the three positions after its last that a run starting there must also repeat).
    private const int RunBlock = 32, RunWindow = 16 + 16 + 8;

    /// <summary>
    /// The first position from <paramref name="from"/> on where a run may start, or the text's length. Three copies of
    /// a word of L letters make the text repeat with period L for 2L ≥ 4 characters from the run's start
    /// (<c>text[i] == text[i + L]</c>), so a position where that holds for no L from 2 to 12 and the next three
    /// positions cannot start a run. That is tested for a block of positions at once, sixteen character compares a
    /// vector instruction, instead of running <see cref="RepeatedWordAt"/> at every letter: English text has a letter
    /// recur within a few places almost everywhere, which <see cref="RepeatedWordAt"/>'s own quick test lets through.
    /// Near the end of the text every position is passed on to the exact test.
    /// </summary>
    private static int NextPossibleRun(string text, int from)
    {
        var s = MemoryMarshal.Cast<char, ushort>(text.AsSpan());
        int b = from;
        for (; b + RunWindow + MaxCopyLength <= s.Length; b += RunBlock)
        {
            ulong possible = 0;
            for (int period = MinCopyLength; period <= MaxCopyLength; period++)
            {
                // Bit k: the character at b + k is the one period places on.
                // Two compares of sixteen characters and one of eight, where eight at a time took five.
                var here = s.Slice(b, RunWindow);
                var there = s.Slice(b + period, RunWindow);
                ulong same = Vector256.Equals(Vector256.Create(here), Vector256.Create(there)).ExtractMostSignificantBits()
                    | ((ulong)Vector256.Equals(Vector256.Create(here[16..]), Vector256.Create(there[16..])).ExtractMostSignificantBits() << 16)
                    | ((ulong)Vector128.Equals(Vector128.Create(here[32..]), Vector128.Create(there[32..])).ExtractMostSignificantBits() << 32);
                possible |= same & (same >> 1) & (same >> 2) & (same >> 3);
            }
            possible &= (1UL << RunBlock) - 1;
            if (possible != 0)
            {
                return b + BitOperations.TrailingZeroCount(possible);
            }
        }
        return Math.Min(b, text.Length);
    }

    /// <summary>
    /// A word of <see cref="MinCopyLength"/> to <see cref="MaxCopyLength"/> letters at <paramref name="at"/> followed
    /// by at least two more copies of itself (<c>大会大会大会大会</c>): its length and the length of the whole run, or
    /// null. The longest word wins, then the most copies (up to <see cref="MaxExtraCopies"/> after the first), as the
    /// regex <c>(\p{L}{2,12})\1{2,5}</c> would match; written out by hand because that regex tries eleven word
    /// lengths with a backreference at every letter of every document, and this runs once per character.
    /// </summary>
    private static (int Copy, int Length)? RepeatedWordAt(string text, int at)
    {
        char first = text[at];
        if (first < '\u0080' && !char.IsAsciiLetter(first))
        {
            return null; // spaces, digits and punctuation: most of the characters that are not letters
        }
        if (at + 2 + 2 * Vector128<ushort>.Count <= text.Length)
        {
            // A second copy needs the first letter again 2 to 12 places on: two vector compares rule most places out.
            var again = Vector128.Create((ushort)first);
            var ahead = MemoryMarshal.Cast<char, ushort>(text.AsSpan(at + 2, 2 * Vector128<ushort>.Count));
            if (!Vector128.EqualsAny(again, Vector128.Create(ahead)) && !Vector128.EqualsAny(again, Vector128.Create(ahead[Vector128<ushort>.Count..])))
            {
                return null;
            }
        }
        int letters = -1; // counted only once a word length passes the cheap test: most positions never get that far
        for (int copy = MaxCopyLength; copy >= MinCopyLength; copy--)
        {
            // The cheap test first: a third copy needs the first letter again at copy and 2 × copy.
            int third = at + 2 * copy;
            if (third + copy > text.Length || text[at + copy] != first || text[third] != first)
            {
                continue;
            }
            if (letters < 0)
            {
                letters = 0;
                while (letters < MaxCopyLength && at + letters < text.Length && char.IsLetter(text[at + letters]))
                {
                    letters++;
                }
            }
            if (copy > letters)
            {
                continue;
            }
            var word = text.AsSpan(at, copy);
            int copies = 0;
            while (copies < MaxExtraCopies && at + (copies + 2) * copy <= text.Length
                && text.AsSpan(at + (copies + 1) * copy, copy).SequenceEqual(word))
            {
                copies++;
            }
            if (copies >= 2)
            {
                return (copy, (copies + 1) * copy);
            }
        }
        return null;
    }

    // Tab, line feed, vertical tab, form feed and carriage return are U+0009 to U+000D. Written as two cheap tests before
    // the rare wide spaces, and inlined: it runs at every character that is not plain ASCII, and as a call it was a
    // twentieth of normalising.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(char c) =>
        c <= ' ' ? c == ' ' || c is >= '\t' and <= '\r'
        : c >= '\u00A0' && (c is '\u00A0' or '\u3000' or '\u2028' or '\u2029' || c is >= '\u2000' and <= '\u200A');

    private static char Fold(char c) => c is '\u2010' or '\u2011' ? '-' : CharClass.FoldWidth(c);

    private static bool IsHyphenatedBreak(string s, int hyphen, bool[] skip, char previous)
    {
        if (!char.IsAsciiLetterLower(previous))
        {
            return false;
        }
        int j = hyphen + 1;
        bool sawNewline = false;
        while (j < s.Length && (IsSpace(s[j]) || skip[j]))
        {
            sawNewline |= s[j] == '\n';
            j++;
        }
        return sawNewline && j < s.Length && char.IsAsciiLetterLower(s[j]);
    }

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "resolution", "resolutions", "decision", "decisions", "session", "sessions", "meeting", "meetings",
        "plenary", "committee", "assembly", "council", "agenda", "annex", "paragraph", "corrigendum", "addendum",
    };

    private static bool JoinsKeyword(string s, int hyphen, int next)
    {
        int start = hyphen;
        while (start > 0 && char.IsAsciiLetter(s[start - 1]))
        {
            start--;
        }
        int end = next;
        while (end < s.Length && char.IsAsciiLetter(s[end]))
        {
            end++;
        }
        string word = string.Concat(s.AsSpan(start, hyphen - start), s.AsSpan(next, end - next)).ToLowerInvariant();
        return Keywords.Contains(word);
    }

    private static int NextNonSpace(string s, int from, bool[] skip)
    {
        while (from < s.Length && (IsSpace(s[from]) || skip[from]))
        {
            from++;
        }
        return from;
    }
}
