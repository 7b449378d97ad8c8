using System.Text.RegularExpressions;
using Graph.Extraction.Symbols;

namespace Graph.Extraction.Footnotes;

/// <summary>
/// <c>同上</c> / <c>Ibid.</c> at the start of a footnote cites the previous footnote's source again: the first
/// reference of that footnote, itself resolved if it was an ibid (so chains resolve). Its surface is the word
/// <c>同上</c> / <c>Ibid.</c>; a pinpoint after it (<c>同上，附件三</c>) replaces the source's, without one the
/// source's pinpoint stands. A Treaty Series volume after it (<c>同上，第 2688 卷，第 47713 号</c>) is another
/// treaty, which the treaty recogniser reads. An ibid followed by another supplement of the Official Records
/// (<c>Ibid., 2014, Supplement No. 8 (E/2014/28)</c>) repeats the series, not the source: it cites nothing itself.
/// </summary>
internal static partial class IbidResolver
{
    [GeneratedRegex(@"\G(?:同上|Ibid\.?|ibid\.?)", RegexOptions.CultureInvariant)]
    private static partial Regex Ibid();

    public static List<Candidate> Resolve(ExtractionContext context, List<Candidate> kept)
    {
        var source = context.Source;
        var added = new List<Candidate>();
        Candidate? previousSource = null;
        for (int i = 0; i < source.Layout.Footnotes.Count; i++)
        {
            var footnote = source.Layout.Footnotes[i];
            var (start, end) = context.FootnoteSpans[i];
            Candidate? first = kept.Find(c => c.Start >= start && c.Start < end);
            var ibid = Ibid().Match(context.Text, start);
            if (ibid.Success && (first is null || first.Start > start))
            {
                int after = ibid.Index + ibid.Length;
                string? pinpoint = Pinpoint.Read(context.Text, ref after);
                if (first is not null && pinpoint is null && NamesAnotherSupplement(context.Text, after, first.Start))
                {
                    // "Ibid., 2014, Supplement No. 8 (E/2014/28)": the ibid repeats the Official Records, whose
                    // supplement the footnote names by its own symbol; the previous footnote's document is not cited.
                }
                else if (previousSource is null)
                {
                    context.Diagnose("ibid-unresolved", $"footnote {footnote.Number} says ibid but no earlier footnote cites anything", ibid.Index, ibid.Length);
                }
                else
                {
                    // The surface is the word that stands for the source; the pinpoint after it is not part of it,
                    // as a pinpoint after a symbol is not part of the symbol's surface.
                    first = previousSource with { Start = ibid.Index, Length = ibid.Length, Pinpoint = pinpoint ?? previousSource.Pinpoint };
                    added.Add(first);
                }
            }
            previousSource = first;
        }
        return added.Count == 0 ? kept : [.. kept.Concat(added).OrderBy(c => c.Start)];
    }

    /// <summary>Whether the words from the ibid to the footnote's first citation name a supplement of the Official Records.</summary>
    private static bool NamesAnotherSupplement(string text, int from, int to) =>
        to > from && to - from <= 120
        && (text.AsSpan(from, to - from).Contains("Supplement No.", StringComparison.Ordinal)
            || text.AsSpan(from, to - from).Contains("补编", StringComparison.Ordinal));
}
