namespace Graph.Model;

/// <summary>
/// One citation found in a document: what it points to (<see cref="Kind"/> and canonical <see cref="Id"/>),
/// the exact text that cites it and where that text stands in the original file.
/// </summary>
public sealed record Reference
{
    public required ReferenceKind Kind { get; init; }

    /// <summary>Canonical id without spaces: <c>A/RES/66/69</c>, <c>S/RES/1325(2000)</c>, <c>A/70</c>, <c>A/C.4</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The cited text exactly as it stands in the original file.</summary>
    public required string Surface { get; init; }

    /// <summary>Offset of <see cref="Surface"/> in the original text (UTF-16 code units).</summary>
    public required int Start { get; init; }

    public required int Length { get; init; }

    /// <summary>The date the text gives with the reference (adoption date of a resolution, date of a meeting).</summary>
    public DateRange? Date { get; init; }

    /// <summary>Where inside the cited document: <c>para. 96</c>, <c>annex I</c>, <c>sect. V, para. 30 (h)</c>.</summary>
    public string? Pinpoint { get; init; }

    /// <summary>The session number, for session references.</summary>
    public int? Number { get; init; }

    /// <summary>
    /// How the document cites it: the verb of the clause that carries the reference (<c>recalls</c>,
    /// <c>takes-note</c>, <c>requests-report</c> …, <c>cites</c> when no verb applies). The vocabulary is
    /// <c>Extraction/Clauses/clause-verbs.json</c>; the relations that come from the document's structure
    /// (<c>adopted-on-report</c>, <c>adopted-at</c>, <c>on-agenda-of</c>) are documented in README.
    /// </summary>
    public string Relation { get; init; } = "cites";

    /// <summary>The paragraph the reference stands in; for a footnote, the paragraph that carries its marker.</summary>
    public Paragraph Paragraph { get; init; } = new(Paragraph.Heading, null);

    /// <summary>The number of the footnote the reference stands in, if it does.</summary>
    public int? Footnote { get; init; }

    /// <summary>The official English title of a treaty, or the title a document is cited by.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// The page (from 1) of the PDF the reference stands on; null for a text file, which has no pages the text can
    /// be trusted to show (a form feed in converted text is often not where the printed page ended).
    /// </summary>
    public int? Page { get; init; }
}
