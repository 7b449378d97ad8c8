namespace Graph.Model;

/// <summary>
/// Why an edge exists: which language version of which document said it, with the exact words and where they
/// stand. An edge stated by two language versions carries two pieces of evidence. Structural edges (a
/// meeting's session, read off its symbol) carry evidence without a surface.
/// </summary>
public sealed record Evidence
{
    /// <summary>The source that said it: the document's symbol and language, <c>A/RES/68/72@zh</c>.</summary>
    public required string Source { get; init; }

    /// <summary><c>zh</c> or <c>en</c>.</summary>
    public required string Language { get; init; }

    /// <summary>The file the text came from.</summary>
    public required string File { get; init; }

    /// <summary>The cited text exactly as it stands in the file; null for an edge implied by structure.</summary>
    public string? Surface { get; init; }

    /// <summary>Offset of <see cref="Surface"/> in the file's decoded text (UTF-16 code units).</summary>
    public int? Offset { get; init; }

    public int? Length { get; init; }

    /// <summary>The paragraph the citation stands in.</summary>
    public Paragraph? Paragraph { get; init; }

    /// <summary>The footnote the citation stands in, if it does.</summary>
    public int? Footnote { get; init; }

    /// <summary>The page of the PDF the citation stands on; null when the file was text.</summary>
    public int? Page { get; init; }

    /// <summary>Where inside the cited document: <c>para. 96</c>, <c>annex I</c>.</summary>
    public string? Pinpoint { get; init; }

    /// <summary>The date written with the citation (ISO 8601).</summary>
    public string? Date { get; init; }
}
