using System.Text.RegularExpressions;
using Graph.Model;

namespace Graph.Extraction.Clauses;

/// <summary>
/// Splits a resolution into its heading, preambular paragraphs and operative paragraphs.
/// <list type="bullet">
/// <item>The heading runs to the line that names the author (<c>大会，</c>, <c>The General Assembly,</c>).</item>
/// <item>Operative paragraphs are numbered <c>1.</c>, <c>2.</c> …: each number is looked for only after the
/// previous one, so a number in running text cannot start a paragraph out of sequence. The last one ends at its
/// full stop; what follows (the meeting and date) is heading again.</item>
/// <item>A preambular paragraph starts where a clause verb stands after a comma, a semicolon or a full stop, or
/// (in English) at the start of a line: PDF extraction sometimes moves the comma that ended the paragraph before.</item>
/// <item>A resolution in parts (a line <c>II</c> or <c>B</c> after the last paragraph numbered in sequence) goes on
/// with the part's own preamble, numbered on, and its operative paragraphs, numbered from 1 again.</item>
/// </list>
/// Footnote texts are skipped: they sit between the paragraphs of the page they belong to, not inside them.
/// </summary>
internal static partial class ClauseSegmenter
{
    [GeneratedRegex(@"(?:大会|安全理事会|The General Assembly|The Security Council|General Assembly|Security Council),", RegexOptions.CultureInvariant)]
    private static partial Regex Author();

    private const int MaxOperative = 400;

    public static List<Clause> Split(Text.SourceText source, bool[] inFootnote, ClauseVerbs verbs)
    {
        string text = source.Normalised;
        var clauses = new List<Clause>();
        var author = Author().Match(text, 0, Math.Min(text.Length, 6000));
        if (!author.Success)
        {
            clauses.Add(new Clause(Paragraph.Heading, null, 0, text.Length, null));
            return clauses;
        }
        int bodyStart = author.Index + author.Length;
        clauses.Add(new Clause(Paragraph.Heading, null, 0, bodyStart, null));

        var operativeStarts = NumberedFrom(text, bodyStart, inFootnote);
        int preambleEnd = operativeStarts.Count > 0 ? operativeStarts[0].Start : text.Length;
        int preambles = SplitPreamble(source, bodyStart, preambleEnd, inFootnote, verbs, clauses, 0);

        // A resolution in parts (I, II … or A, B …) may number each part's operative paragraphs from 1 again, and give
        // a part a preamble of its own ("II / Review of … / Having considered …, / Takes note of …."): after the last
        // paragraph found in sequence, a part heading ends it and starts the next part.
        while (operativeStarts.Count > 0)
        {
            int verbAt = operativeStarts[^1].VerbAt;
            var part = PartHeading().Match(text, verbAt);
            int lastEnd = LastParagraphEnd(text, verbAt, inFootnote);
            if (!part.Success || part.Index >= lastEnd || inFootnote[part.Index])
            {
                AddOperative(text, operativeStarts, clauses, verbs, lastEnd);
                break;
            }
            AddOperative(text, operativeStarts, clauses, verbs, part.Index);
            int partStart = part.Index + part.Length;
            operativeStarts = NumberedFrom(text, partStart, inFootnote);
            // Without numbered paragraphs the part's paragraphs are its clauses, the last ending at its full stop.
            int partPreambleEnd = operativeStarts.Count > 0 ? operativeStarts[0].Start : LastParagraphEnd(text, partStart, inFootnote);
            preambles += SplitPreamble(source, partStart, partPreambleEnd, inFootnote, verbs, clauses, preambles);
        }
        if (clauses[^1].End < text.Length && clauses.Count > 1)
        {
            clauses.Add(new Clause(Paragraph.Heading, null, clauses[^1].End, text.Length, null));
        }
        return clauses;
    }

    /// <summary>Operative paragraphs 1., 2. … from <paramref name="from"/> on, each number looked for after the one before.</summary>
    private static List<(int Number, int Start, int VerbAt)> NumberedFrom(string text, int from, bool[] inFootnote)
    {
        var starts = new List<(int Number, int Start, int VerbAt)>();
        for (int n = 1; n <= MaxOperative; n++)
        {
            if (FindNumber(text, n, from, inFootnote) is not { } found)
            {
                break;
            }
            starts.Add((n, found.Start, found.VerbAt));
            from = found.VerbAt;
        }
        return starts;
    }

    /// <summary>The operative paragraphs of one run of numbers, the last ending at <paramref name="lastEnd"/>.</summary>
    private static void AddOperative(string text, List<(int Number, int Start, int VerbAt)> starts, List<Clause> clauses, ClauseVerbs verbs, int lastEnd)
    {
        for (int i = 0; i < starts.Count; i++)
        {
            var (number, start, verbAt) = starts[i];
            int end = i + 1 < starts.Count ? starts[i + 1].Start : lastEnd;
            clauses.Add(new Clause(Paragraph.Operative, number, start, end, OperativeVerb(text, verbAt, verbs)));
        }
    }

    // A part heading: a line holding only a Roman numeral or a capital letter (I, II, A, B).
    [GeneratedRegex(@"(?<=\n)(?:[IVX]{1,5}|[A-H])\n", RegexOptions.CultureInvariant)]
    private static partial Regex PartHeading();

    /// <summary>The preambular paragraphs between <paramref name="from"/> and <paramref name="to"/>, numbered on from <paramref name="before"/>; returns how many.</summary>
    private static int SplitPreamble(Text.SourceText source, int from, int to, bool[] inFootnote, ClauseVerbs verbs, List<Clause> clauses, int before)
    {
        string text = source.Normalised;
        bool lined = HasLines(source, from, to);
        var markerLines = MarkerLineEnds(source);
        int number = 0;
        int start = from;
        string? relation = null;
        for (int i = from; i < to; i++)
        {
            if (inFootnote[i] || !IsClauseStart(text, i, from, inFootnote) || (lined && !StartsLine(source, i, markerLines)))
            {
                continue;
            }
            var verb = verbs.At(text, i);
            if (verb is null)
            {
                continue;
            }
            if (number > 0)
            {
                clauses.Add(new Clause(Paragraph.Preamble, before + number, start, i, relation));
            }
            number++;
            start = i;
            relation = verb.Value.Relation;
            i += verb.Value.Length - 1;
        }
        if (number > 0)
        {
            clauses.Add(new Clause(Paragraph.Preamble, before + number, start, to, relation));
        }
        return number;
    }

    /// <summary>
    /// Whether the original text keeps its lines here: PDF text does (a paragraph starts a line), text that was
    /// joined into a few long lines does not, and there only the punctuation can tell where a clause starts.
    /// </summary>
    private static bool HasLines(Text.SourceText source, int from, int to)
    {
        if (to <= from)
        {
            return false;
        }
        int start = source.ToOriginal(from), end = source.ToOriginal(Math.Min(to, source.Normalised.Length));
        int breaks = source.Original.AsSpan(start, end - start).Count('\n');
        return breaks * 400 >= end - start;
    }

    /// <summary>
    /// Whether a normalised position is the first character of its line in the original (indentation aside). A
    /// line of Chinese that follows a footnote marker standing alone on its line is not, unless it is indented:
    /// PDF extraction puts a marker on a line of its own, so the text after it usually goes on with the line
    /// before the marker (<c>…的成果，\n10 \n重申各国…</c> is one paragraph), while a new paragraph is indented
    /// (<c>…说明，\n6\n 又表示注意到…</c>). English needs no such rule: its clause verbs are capitalised, and a
    /// participle that goes on with a paragraph is not.
    /// </summary>
    private static bool StartsLine(Text.SourceText source, int position, HashSet<int> markerLines)
    {
        string original = source.Original;
        int at = source.ToOriginal(position);
        bool indented = false;
        int i = at - 1;
        for (; i >= 0 && original[i] != '\n'; i--)
        {
            if (!char.IsWhiteSpace(original[i]))
            {
                return false;
            }
            indented = true;
        }
        if (i < 0 || indented || char.IsAsciiLetter(original[at]))
        {
            return true;
        }
        // The previous non-blank line: does it hold nothing but a marker?
        while (i > 0 && char.IsWhiteSpace(original[i - 1]))
        {
            i--;
        }
        return !markerLines.Contains(i);
    }

    /// <summary>The original offsets just after each footnote marker that stands alone on its line.</summary>
    private static HashSet<int> MarkerLineEnds(Text.SourceText source)
    {
        string original = source.Original;
        var ends = new HashSet<int>();
        foreach (var f in source.Layout.Footnotes)
        {
            if (f.MarkerStart is not { } start)
            {
                continue;
            }
            int before = start;
            while (before > 0 && original[before - 1] is ' ' or '\t' or '\u3000')
            {
                before--;
            }
            int after = start + f.MarkerLength;
            while (after < original.Length && original[after] is ' ' or '\t' or '\u3000' or '\r')
            {
                after++;
            }
            if ((before == 0 || original[before - 1] == '\n') && (after == original.Length || original[after] == '\n'))
            {
                ends.Add(start + f.MarkerLength);
            }
        }
        return ends;
    }

    /// <summary>A clause can start at the body's start, after , ; 。 (footnote text skipped), or at an English line start.</summary>
    private static bool IsClauseStart(string text, int i, int bodyStart, bool[] inFootnote)
    {
        int j = i - 1;
        while (j >= bodyStart && (text[j] == ' ' || inFootnote[j]))
        {
            j--;
        }
        if (j < bodyStart)
        {
            return true;
        }
        return text[j] is ',' or ';' or '。' or ':' || (text[j] == '\n' && char.IsAsciiLetterUpper(text[i]));
    }

    private static (int Start, int VerbAt)? FindNumber(string text, int n, int from, bool[] inFootnote)
    {
        string digits = n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
        for (int at = from; at < text.Length;)
        {
            int found = text.IndexOf(digits, at, StringComparison.Ordinal);
            if (found < 0)
            {
                return null;
            }
            at = found + 1;
            int after = found + digits.Length;
            if (inFootnote[found] || (found > 0 && (char.IsAsciiLetterOrDigit(text[found - 1]) || text[found - 1] is '/' or '.' or '(' or '-')))
            {
                continue;
            }
            while (after < text.Length && text[after] is ' ' or '\n')
            {
                after++;
            }
            if (after < text.Length && (char.IsLetter(text[after]) && !char.IsAsciiLetterLower(text[after])))
            {
                return (found, after);
            }
        }
        return null;
    }

    private static string? OperativeVerb(string text, int verbAt, ClauseVerbs verbs)
    {
        // Chinese puts an adverb before the verb (特别呼吁, 再次邀请, 为此鼓励): try a few characters in.
        for (int skip = 0; skip <= 2 && verbAt + skip < text.Length; skip++)
        {
            if (verbs.At(text, verbAt + skip) is { } verb)
            {
                return verb.Relation;
            }
        }
        return null;
    }

    private static int LastParagraphEnd(string text, int from, bool[] inFootnote)
    {
        for (int i = from; i < text.Length; i++)
        {
            if (inFootnote[i])
            {
                continue;
            }
            if (text[i] == '。' || (text[i] == '.' && (i + 1 == text.Length || text[i + 1] == '\n')))
            {
                return i + 1;
            }
        }
        return text.Length;
    }
}
