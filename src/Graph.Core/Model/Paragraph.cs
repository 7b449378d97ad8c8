namespace Graph.Model;

/// <summary>
/// Where a reference stands in the resolution: in the heading (symbol, title, adoption note, closing meeting),
/// a preambular paragraph, an operative paragraph, or a footnote whose marker was not found.
/// Preambular paragraphs are numbered by their order; operative paragraphs by their printed number.
/// </summary>
/// <param name="Part"><c>heading</c>, <c>preamble</c>, <c>operative</c> or <c>footnote</c>.</param>
/// <param name="Number">The paragraph's number; null in the heading.</param>
public sealed record Paragraph(string Part, int? Number)
{
    public const string Heading = "heading";
    public const string Preamble = "preamble";
    public const string Operative = "operative";
    public const string Footnote = "footnote";
}
