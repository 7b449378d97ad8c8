namespace Graph.Model;

/// <summary>
/// The relationship types of the graph. A citation edge is named after the extractor's relation
/// (<c>recalls</c> → <c>RECALLS</c>); the structural edges say what the document's symbol and header imply.
/// </summary>
public static class EdgeTypes
{
    /// <summary>Resolution or decision → the meeting that adopted it.</summary>
    public const string AdoptedAt = "ADOPTED_AT";

    /// <summary>Resolution → the committee report (or draft) it was adopted on.</summary>
    public const string AdoptedOnReport = "ADOPTED_ON_REPORT";

    /// <summary>Meeting → the session it was held in.</summary>
    public const string MeetingOf = "MEETING_OF";

    /// <summary>Resolution, decision or agenda item → the session it belongs to.</summary>
    public const string During = "DURING";

    /// <summary>Committee report (or, when no report is named, the resolution) → the committee.</summary>
    public const string OfCommittee = "OF_COMMITTEE";

    /// <summary>Resolution → the series of resolutions with the same title.</summary>
    public const string InSeries = "IN_SERIES";

    /// <summary>A protocol → the treaty it belongs to (from the gazetteer).</summary>
    public const string ProtocolOf = "PROTOCOL_OF";

    /// <summary>Resolution → an index term of the UN library.</summary>
    public const string About = "ABOUT";

    /// <summary>A citation with no more specific verb ("in accordance with resolution 67/50", a footnote's reference).</summary>
    public const string Cites = "CITES";

    /// <summary>The type for a citation made with the given relation: <c>takes-note</c> → <c>TAKES_NOTE_OF</c>.</summary>
    public static string OfRelation(string relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        return relation switch
        {
            "takes-note" => "TAKES_NOTE_OF",
            "requests-report" => "REQUESTS_REPORT_TO",
            "decides-agenda" => "PLACES_ON_AGENDA_OF",
            "adopted-at" => AdoptedAt,
            "adopted-on-report" => AdoptedOnReport,
            _ => relation.ToUpperInvariant().Replace('-', '_'),
        };
    }

    /// <summary>
    /// Whether an edge of this type is a citation, that is, made by the text's own words rather than by its
    /// place in the UN's structure. Precedents follow citations only.
    /// </summary>
    public static bool IsCitation(string type) => !Structural.Contains(type);

    /// <summary>
    /// The types that are not citations: what the adoption note, the closing lines, the heading, the symbol and
    /// the gazetteer imply, and what is derived (series), plus the agenda and reporting instructions of
    /// operative paragraphs, which name sessions rather than cite documents.
    /// </summary>
    public static IReadOnlyList<string> Structural { get; } =
    [
        AdoptedAt, AdoptedOnReport, MeetingOf, During, OfCommittee, InSeries, About, ProtocolOf,
        "ON_AGENDA_OF", "REQUESTS_REPORT_TO", "PLACES_ON_AGENDA_OF",
    ];
}
