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
}
