namespace Graph.Model;

/// <summary>Everything the extractor learned from one document.</summary>
public sealed record ExtractedDocument
{
    /// <summary>The file the text came from, as the caller named it.</summary>
    public required string File { get; init; }

    /// <summary><c>zh</c> or <c>en</c>.</summary>
    public required string Language { get; init; }

    /// <summary>The document's own symbol (<c>A/RES/68/72</c>), when the text shows it.</summary>
    public string? Symbol { get; init; }

    /// <summary><c>GA</c> or <c>SC</c>, when known.</summary>
    public string? Body { get; init; }

    public string? Title { get; init; }

    /// <summary>The session the document belongs to (<c>A/68</c>), when known.</summary>
    public string? Session { get; init; }

    /// <summary>Index terms from a <c>%%%</c> line.</summary>
    public IReadOnlyList<string> Subjects { get; init; } = [];

    public DateRange? AdoptedOn { get; init; }

    /// <summary>The meeting that adopted the document (<c>A/68/PV.65</c>).</summary>
    public string? AdoptedAt { get; init; }

    /// <summary>The Main Committee whose report the document was adopted on (<c>A/C.4</c>).</summary>
    public string? Committee { get; init; }

    /// <summary>The documents named in the adoption note: the committee report, or the draft.</summary>
    public IReadOnlyList<string> OnReportOf { get; init; } = [];

    /// <summary>References in the order they stand in the text.</summary>
    public IReadOnlyList<Reference> References { get; init; } = [];

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>How many pages the PDF has; null for a text file.</summary>
    public int? Pages { get; init; }
}
