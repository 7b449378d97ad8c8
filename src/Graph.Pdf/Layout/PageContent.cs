namespace Graph.Pdf.Layout;

/// <summary>What one page draws that the layout needs: its glyphs, its short horizontal rules and how many images.</summary>
/// <param name="Number">The page's number, from 1.</param>
/// <param name="Width">Its width in points.</param>
/// <param name="Height">Its height in points.</param>
/// <param name="Glyphs">Its glyphs, in the order the page draws them.</param>
/// <param name="Rules">Its thin horizontal lines: a footnote block may open under one.</param>
/// <param name="Images">How many images it draws: a page of images and no glyphs is a scan.</param>
internal sealed record PageContent(int Number, double Width, double Height, IReadOnlyList<Glyph> Glyphs, IReadOnlyList<Rule> Rules, int Images);

/// <summary>A thin horizontal line drawn on a page, from <paramref name="Left"/> to <paramref name="Right"/> at height <paramref name="Y"/>.</summary>
internal readonly record struct Rule(double Left, double Right, double Y);
