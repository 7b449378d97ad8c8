namespace Graph.Extraction.Clauses;

/// <summary>A paragraph of the resolution in normalised text, with the relation its opening verb gives.</summary>
/// <param name="Part">heading, preamble or operative (see <see cref="Model.Paragraph"/>).</param>
/// <param name="Number">Order of a preambular paragraph, printed number of an operative one, null in the heading.</param>
/// <param name="Start">Start in normalised text.</param>
/// <param name="End">End in normalised text.</param>
/// <param name="Relation">The relation of the opening verb; null when no known verb opens the paragraph.</param>
internal sealed record Clause(string Part, int? Number, int Start, int End, string? Relation)
{
    public bool Contains(int position) => position >= Start && position < End;
}
