using Graph.Model;

namespace Graph.Extraction;

/// <summary>
/// The one rule for overlapping candidates. Candidates are taken in order of start, longest first; a candidate
/// that overlaps one already taken is dropped, so the longer, earlier reading wins (<c>A/RES/75/62</c> as a
/// resolution beats any shorter reading inside it). Candidates with exactly the same span and kind are all kept:
/// one citation can name several documents (<c>49/222 A and B</c> is two resolutions). At the same span and a
/// different kind, the more specific kind wins, in the order of <see cref="ReferenceKind"/>.
/// </summary>
internal static class OverlapResolver
{
    public static List<Candidate> Resolve(IEnumerable<Candidate> candidates)
    {
        var ordered = candidates
            .OrderBy(c => c.Start)
            .ThenByDescending(c => c.Length)
            .ThenBy(c => c.Kind)
            .ToList();
        var kept = new List<Candidate>(ordered.Count);
        int reachedEnd = -1;
        Candidate? last = null;
        foreach (var c in ordered)
        {
            bool sameSpanSameKind = last is not null && c.Start == last.Start && c.Length == last.Length && c.Kind == last.Kind;
            if (sameSpanSameKind)
            {
                if (!kept.Exists(k => k.Start == c.Start && k.Length == c.Length && k.Id == c.Id))
                {
                    kept.Add(c);
                }
                continue;
            }
            if (c.Start < reachedEnd)
            {
                continue;
            }
            kept.Add(c);
            last = c;
            reachedEnd = c.End;
        }
        return kept;
    }
}
