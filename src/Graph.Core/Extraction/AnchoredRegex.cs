using System.Buffers;
using System.Text.RegularExpressions;

namespace Graph.Extraction;

/// <summary>
/// A regex that can only match around one of a few literals (<c>session</c> in "seventy-fifth session"), run only
/// where those literals stand. Patterns that start with a word (any word) are otherwise tried at every word
/// of every document; here the regex engine sees only short windows of text around the literal, found by a
/// vectorised search, and gives exactly the matches it would give on the whole text.
/// </summary>
/// <remarks>
/// Why the matches are the same: every match starts at most <see cref="before"/> characters before a literal it
/// contains and ends at most <see cref="after"/> characters after that literal's start, so it lies inside that
/// literal's window; windows that
/// overlap are merged, so no attempt that could succeed is cut off at a window's edge; and each window keeps
/// <see cref="context"/> characters on either side for the lookbehinds, lookaheads and <c>\b</c> at its edges, while
/// no match may start in that margin. The tests compare both on the seeds and on random text.
/// </remarks>
internal sealed class AnchoredRegex
{
    private readonly Regex regex;
    private readonly SearchValues<string> anchors;
    private readonly int before;
    private readonly int after;
    private readonly int context;

    /// <param name="regex">The pattern; it must not use <c>\G</c>, <c>^</c>, <c>$</c>, <c>\A</c> or right-to-left matching.</param>
    /// <param name="anchors">Literals one of which every match contains (compared ordinally).</param>
    /// <param name="before">The most characters a match can start before the literal it contains.</param>
    /// <param name="after">The most characters a match can end after the start of that literal.</param>
    /// <param name="context">The most characters a lookaround or <c>\b</c> looks past a match's ends.</param>
    public AnchoredRegex(Regex regex, string[] anchors, int before, int after, int context = 1)
    {
        ArgumentNullException.ThrowIfNull(regex);
        ArgumentNullException.ThrowIfNull(anchors);
        if (regex.RightToLeft)
        {
            throw new ArgumentException("a right-to-left regex cannot be anchored", nameof(regex));
        }
        this.regex = regex;
        this.anchors = SearchValues.Create(anchors, StringComparison.Ordinal);
        this.before = before;
        this.after = after;
        this.context = context;
    }

    /// <summary>The matches of the regex in <paramref name="text"/>, in order, as <c>regex.Matches(text)</c> gives them.</summary>
    public IEnumerable<Match> Matches(string text)
    {
        int searched = 0;
        while (searched < text.Length)
        {
            int hit = text.AsSpan(searched).IndexOfAny(anchors);
            if (hit < 0)
            {
                yield break;
            }
            // The window of this literal, grown over every literal whose window overlaps it.
            int start = Math.Max(0, searched + hit - before);
            int end = searched + hit + after;
            searched += hit + 1;
            while (searched < text.Length)
            {
                int next = text.AsSpan(searched).IndexOfAny(anchors);
                if (next < 0 || searched + next - before > end)
                {
                    break;
                }
                end = searched + next + after;
                searched += next + 1;
            }
            end = Math.Min(end, text.Length);

            int spanStart = Math.Max(0, start - context);
            int spanEnd = Math.Min(text.Length, end + context);
            var found = new List<int>();
            foreach (var m in regex.EnumerateMatches(text.AsSpan(spanStart, spanEnd - spanStart), start - spanStart))
            {
                found.Add(spanStart + m.Index);
            }
            foreach (int at in found)
            {
                // The same attempt on the whole text, for the groups (EnumerateMatches only says where a match is).
                yield return regex.Match(text, at);
            }
        }
    }
}
