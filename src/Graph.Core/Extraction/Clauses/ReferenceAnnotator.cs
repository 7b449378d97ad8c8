using System.Text.RegularExpressions;
using Graph.Model;
using Graph.Text;

namespace Graph.Extraction.Clauses;

/// <summary>
/// Gives each reference its place and its relation: the paragraph it stands in (for a footnote, the paragraph
/// carrying the footnote's marker) and the verb of that paragraph's clause. Relations that come from the
/// document's structure rather than a verb: <c>adopted-on-report</c> for the committee and report in the adoption
/// note, <c>adopted-at</c> for the meeting that adopted the document, <c>on-agenda-of</c> for the session and
/// agenda item in its heading. In a <c>requests</c> clause the session a report is due at gets
/// <c>requests-report</c>; in a <c>decides</c> clause the session and item of a provisional agenda get
/// <c>decides-agenda</c>; what a clause cites only as the basis of something else (<c>pursuant to</c>,
/// <c>按照</c>) gets <c>cites</c>.
/// </summary>
internal sealed partial class ReferenceAnnotator
{
    [GeneratedRegex(@"(?:pursuant to|in accordance with|under|按照|根据|依照|依据)(?: (?:its|the))? ?$", RegexOptions.CultureInvariant)]
    private static partial Regex BasisBefore();

    // The verb that governs a session or agenda item in an operative paragraph that joins two requests ("Decides to
    // include … and requests the Secretary-General to report … at its seventieth session"): the last one before it.
    [GeneratedRegex(@"\b(?<request>[Rr]equests?)\b|\b(?<decide>[Dd]ecides?)\b|(?<decide>决定)|(?<![邀申提吁促呈])(?<request>请)", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex GoverningVerb();

    private readonly ExtractionContext context;
    private readonly List<Clause> clauses;
    private readonly bool[] inFootnote;
    private readonly IReadOnlyList<(int Start, int End)> footnoteSpans;
    private readonly (int Start, int End)? adoptionNote;

    public ReferenceAnnotator(ExtractionContext context, (int Start, int End)? adoptionNote)
    {
        this.context = context;
        this.adoptionNote = adoptionNote;
        var source = context.Source;
        inFootnote = new bool[context.Text.Length];
        footnoteSpans = context.FootnoteSpans;
        foreach (var (start, end) in footnoteSpans)
        {
            Array.Fill(inFootnote, true, start, Math.Max(0, Math.Min(end, inFootnote.Length) - start));
        }
        clauses = ClauseSegmenter.Split(source, inFootnote, ClauseVerbs.Default);
    }

    /// <summary>The meeting that adopted the document: the last one named after its last operative paragraph.</summary>
    public Candidate? AdoptionMeeting(IEnumerable<Candidate> kept)
    {
        var closing = clauses.Count > 1 && clauses[^1].Part == Paragraph.Heading ? clauses[^1] : null;
        return kept.LastOrDefault(c => c.Kind == ReferenceKind.Meeting && (closing is null || closing.Contains(c.Start)));
    }

    public (string Relation, Paragraph Paragraph, int? Footnote) Annotate(Candidate c, Candidate? adoptionMeeting, List<Candidate> kept)
    {
        var layout = context.Source.Layout;
        int index = FootnoteIndexAt(c.Start);
        int? footnote = null;
        int anchor = c.Start;
        if (index >= 0)
        {
            // A link line printed under the footnotes belongs to the footnote that cites the same document.
            int owner = OwnerOfLink(c, index, kept);
            var note = layout.Footnotes[owner];
            footnote = note.Number;
            if (note.MarkerStart is not { } marker)
            {
                return ("cites", new Paragraph(Paragraph.Footnote, note.Number), footnote);
            }
            // The marker itself is not in the normalised text; the character before it is the text it marks.
            anchor = Math.Max(0, context.Source.ToNormalised(marker) - 1);
        }

        var clause = LastHolding(clauses, anchor);
        var paragraph = new Paragraph(clause.Part, clause.Number);
        if (adoptionNote is { } an && c.Start >= an.Start && c.End <= an.End)
        {
            return ("adopted-on-report", paragraph, footnote);
        }
        if (ReferenceEquals(c, adoptionMeeting))
        {
            return ("adopted-at", paragraph, footnote);
        }
        if (clause.Part == Paragraph.Heading)
        {
            bool agenda = c.Kind is ReferenceKind.Session or ReferenceKind.AgendaItem && clause.Start == 0;
            return (agenda ? "on-agenda-of" : "cites", paragraph, footnote);
        }
        return (RelationIn(clause, c, anchor), paragraph, footnote);
    }

    private string RelationIn(Clause clause, Candidate c, int anchor)
    {
        string text = context.Text;
        // Only a reference in the body can have its basis written before it; a footnote's stands before its marker.
        int from = Math.Max(clause.Start, anchor - 12);
        if (anchor == c.Start && BasisBefore().IsMatch(text.AsSpan(from, Math.Max(0, c.Start - from))))
        {
            return "cites";
        }
        bool agendaLike = c.Kind is ReferenceKind.Session or ReferenceKind.AgendaItem;
        string? relation = clause.Relation;
        int governedFrom = clause.Start;
        if (agendaLike && relation is "requests" or "decides" && c.Start > clause.Start)
        {
            var verb = GoverningVerb().Match(text, clause.Start, c.Start - clause.Start);
            if (verb.Success)
            {
                relation = verb.Groups["request"].Success ? "requests" : "decides";
                governedFrom = verb.Index;
            }
        }
        string governed = text[governedFrom..Math.Min(clause.End, text.Length)];
        return relation switch
        {
            null => "cites",
            "requests" => agendaLike && (governed.Contains("报告", StringComparison.Ordinal) || governed.Contains("report", StringComparison.Ordinal)) ? "requests-report" : "cites",
            "decides" => agendaLike && (governed.Contains("临时议程", StringComparison.Ordinal) || governed.Contains("provisional agenda", StringComparison.Ordinal)) ? "decides-agenda" : "cites",
            _ => relation,
        };
    }

    private int FootnoteIndexAt(int position) => Spans.IndexHolding(footnoteSpans, position);

    /// <summary>
    /// The last clause holding <paramref name="at"/>, else the first. A loop rather than LastOrDefault with a lambda,
    /// which captured the position and so allocated a closure and a delegate for every reference.
    /// </summary>
    private static Clause LastHolding(IReadOnlyList<Clause> clauses, int at)
    {
        for (int i = clauses.Count - 1; i >= 0; i--)
        {
            if (clauses[i].Contains(at))
            {
                return clauses[i];
            }
        }
        return clauses[0];
    }

    private int OwnerOfLink(Candidate c, int index, List<Candidate> kept)
    {
        if (!context.Text.AsSpan(c.Start).StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return index;
        }
        for (int i = 0; i < footnoteSpans.Count; i++)
        {
            var (start, end) = footnoteSpans[i];
            if (kept.Exists(k => k.Id == c.Id && !ReferenceEquals(k, c) && k.Start >= start && k.Start < end && k.Start < c.Start
                && !context.Text.AsSpan(k.Start).StartsWith("http", StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }
        return index;
    }
}
