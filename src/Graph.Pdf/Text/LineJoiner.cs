namespace Graph.Pdf.Text;

/// <summary>How the end of one line of a paragraph meets the start of the next.</summary>
internal enum Join
{
    /// <summary>A space, as between two words of Latin script.</summary>
    Space,

    /// <summary>Nothing: Chinese and Japanese have no spaces, and a compound's hyphen (<c>Secretary-</c> / <c>General</c>) or a slash stays as it is.</summary>
    Nothing,

    /// <summary>The hyphen (or soft hyphen) that ends the line goes: it broke a word in two (<c>resolu-</c> / <c>tion</c>).</summary>
    DropHyphen,
}

/// <summary>
/// Joins the lines of a paragraph. A hyphen at a line's end is kept unless the two halves make a word: UN documents
/// are set without automatic hyphenation, so nearly every such hyphen is a compound's own (<c>mine-action</c>,
/// <c>capacity-building</c>, <c>Non-Self-Governing</c>). A break is taken for a broken word only where the document
/// itself writes the joined word elsewhere and never the hyphenated one, or where the word is one the extractor
/// keys on (resolution, session …).
/// </summary>
internal sealed class LineJoiner
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "resolution", "resolutions", "decision", "decisions", "session", "sessions", "meeting", "meetings",
        "plenary", "committee", "committees", "assembly", "council", "agenda", "annex", "annexes", "paragraph",
        "paragraphs", "corrigendum", "addendum", "convention", "conventions", "protocol", "protocols", "report", "reports",
    };

    private readonly HashSet<string> words;
    private readonly HashSet<string> compounds;

    /// <param name="lines">Every line of the document: the words and hyphenated compounds it writes inside a line.</param>
    public LineJoiner(IEnumerable<string> lines)
    {
        words = new HashSet<string>(StringComparer.Ordinal);
        compounds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            Collect(line);
        }
    }

    /// <summary>How a line ending with <paramref name="end"/> joins a line starting with <paramref name="next"/>.</summary>
    public Join Decide(ReadOnlySpan<char> end, ReadOnlySpan<char> next)
    {
        if (end.IsEmpty || next.IsEmpty)
        {
            return Join.Space;
        }
        char last = end[^1], first = next[0];
        if (last == '\u00AD')
        {
            return Join.DropHyphen;
        }
        if (Cjk.Is(last) || Cjk.Is(first))
        {
            return Join.Nothing;
        }
        if (last is '-' or '\u2010' or '\u2011')
        {
            return BrokenWord(end[..^1], next) ? Join.DropHyphen : Join.Nothing;
        }
        if (last == '/')
        {
            return Join.Nothing;
        }
        if (last is '–' or '—' && end.Length >= 2 && char.IsAsciiDigit(end[^2]) && char.IsAsciiDigit(first))
        {
            return Join.Nothing; // a range broken after its dash: "2014–" / "2024"
        }
        return Join.Space;
    }

    private bool BrokenWord(ReadOnlySpan<char> before, ReadOnlySpan<char> next)
    {
        int start = before.Length;
        while (start > 0 && char.IsLetter(before[start - 1]))
        {
            start--;
        }
        int length = 0;
        while (length < next.Length && char.IsLetter(next[length]))
        {
            length++;
        }
        var left = before[start..];
        var right = next[..length];
        if (left.IsEmpty || right.IsEmpty || !char.IsLower(left[^1]) || !char.IsLower(right[0]))
        {
            return false;
        }
        string joined = string.Concat(left, right).ToLowerInvariant();
        string hyphenated = string.Concat(left, "-", right).ToLowerInvariant();
        return !compounds.Contains(hyphenated) && (words.Contains(joined) || Keywords.Contains(joined));
    }

    private void Collect(string line)
    {
        int i = 0;
        while (i < line.Length)
        {
            if (!char.IsLetter(line[i]))
            {
                i++;
                continue;
            }
            int start = i;
            while (i < line.Length && char.IsLetter(line[i]))
            {
                i++;
            }
            words.Add(line[start..i].ToLowerInvariant());
            // A compound written inside a line ("capacity-building"): its hyphen is the compound's own.
            int j = start;
            while (i + 1 < line.Length && line[i] is '-' or '\u2010' or '\u2011' && char.IsLetter(line[i + 1]))
            {
                int mid = i;
                i++;
                while (i < line.Length && char.IsLetter(line[i]))
                {
                    i++;
                }
                int leftStart = j;
                compounds.Add(string.Concat(line.AsSpan(leftStart, mid - leftStart), "-", line.AsSpan(mid + 1, i - mid - 1)).ToLowerInvariant());
                words.Add(line[(mid + 1)..i].ToLowerInvariant());
                j = mid + 1;
            }
        }
    }
}
