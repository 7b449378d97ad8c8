using Graph.Model;

namespace Graph.Extraction;

/// <summary>A reference as a recogniser found it, with its span still in normalised text.</summary>
internal sealed record Candidate(ReferenceKind Kind, string Id, int Start, int Length)
{
    public DateRange? Date { get; init; }
    public string? Pinpoint { get; init; }
    public int? Number { get; init; }

    /// <summary>The official English title of a treaty, or the title a document is cited by.</summary>
    public string? Title { get; init; }

    public int End => Start + Length;
}
