using Graph.Pdf.Text;

namespace Graph.Pdf.Layout;

/// <summary>
/// Groups a page's glyphs into lines, top to bottom and left to right:
/// <list type="bullet">
/// <item>Glyphs whose baselines lie within a seventh of their size of each other share a line.</item>
/// <item>A few small glyphs raised a little above a larger line belong to it, as raised pieces: footnote markers
/// (6.5 pt over 10 pt text, 3.5 pt up) and the numbers that open footnotes (5.5 pt over 8.5 pt). Small glyphs a little
/// below a line are its subscripts.</item>
/// <item>A wide gap splits a baseline into lines of their own: a page's masthead and running heads print two
/// things on one baseline ("United Nations" far left, the symbol far right).</item>
/// <item>A glyph drawn again at nearly the same place (bold set by overprinting, as Chinese UN PDFs do four times
/// over) is kept once.</item>
/// </list>
/// </summary>
internal static class LineFinder
{
    // Glyphs of one line rarely sit more than 0.1 em off its baseline; a raised marker sits 0.35 em up.
    private const double SameBaseline = 0.15;

    // A raised or lowered piece is at most this much smaller than its line, and this far off its baseline.
    private const double SmallerThanLine = 0.85, MaxRaise = 0.75, MaxDrop = 0.4;

    // A raised piece is a marker or a footnote's number ("12", "1, 2"): a longer small run is a line of its own.
    private const int MaxRaisedGlyphs = 8;

    // Columns on one baseline are three em or more apart; the widest gap inside a justified line with a tab after a
    // paragraph number is under two.
    private const double ColumnGap = 3.0, MinColumnGap = 24.0;

    /// <summary>The lines of <paramref name="page"/>, top to bottom, then left to right; lines of spaces alone are left out.</summary>
    public static List<TextLine> Find(PageContent page)
    {
        var clusters = Cluster(page.Glyphs);
        AttachSmallClusters(clusters);
        bool spaced = HasSpaceGlyphs(page.Glyphs);
        var lines = new List<TextLine>();
        foreach (var cluster in clusters)
        {
            if (cluster.AttachedTo is not null)
            {
                continue;
            }
            foreach (var segment in Segments(cluster))
            {
                if (Build(page.Number, segment, cluster, spaced) is { } line)
                {
                    lines.Add(line);
                }
            }
        }
        return lines;
    }

    private sealed class BaselineCluster(double baseline)
    {
        public double Baseline { get; } = baseline;

        public List<(Glyph Glyph, bool Raised)> Glyphs { get; } = [];

        public BaselineCluster? AttachedTo { get; set; }

        public double Size { get; set; }

        public double MinX { get; set; } = double.MaxValue;

        public double MaxX { get; set; } = double.MinValue;

        public int Visible { get; set; }
    }

    private static List<BaselineCluster> Cluster(IReadOnlyList<Glyph> glyphs)
    {
        var sorted = glyphs
            .Where(g => g.Value.Length > 0 && g.Size > 0 && double.IsFinite(g.X) && double.IsFinite(g.Baseline) && double.IsFinite(g.EndX))
            .OrderByDescending(g => g.Baseline)
            .ToList();
        var clusters = new List<BaselineCluster>();
        BaselineCluster? current = null;
        double currentMax = 0;
        foreach (var g in sorted)
        {
            if (current is null || current.Baseline - g.Baseline > SameBaseline * Math.Max(currentMax, g.Size))
            {
                current = new BaselineCluster(g.Baseline);
                clusters.Add(current);
                currentMax = 0;
            }
            current.Glyphs.Add((g, false));
            currentMax = Math.Max(currentMax, g.Size);
        }
        foreach (var c in clusters)
        {
            var visible = c.Glyphs.Where(x => !x.Glyph.IsSpace).Select(x => x.Glyph).ToList();
            c.Visible = visible.Count;
            if (visible.Count > 0)
            {
                c.Size = Median(visible.Select(g => g.Size));
                c.MinX = visible.Min(g => g.X);
                c.MaxX = visible.Max(g => g.EndX);
            }
        }
        clusters.RemoveAll(c => c.Visible == 0);
        return clusters;
    }

    /// <summary>Puts each small raised (or lowered) cluster into the line it belongs to: the nearest larger line just below (or above) it.</summary>
    /// <remarks>
    /// The clusters come sorted from the top; only the few neighbours within reach are tried, so a hostile page of
    /// many thousands of baselines costs a bounded amount of work per cluster.
    /// </remarks>
    private static void AttachSmallClusters(List<BaselineCluster> clusters)
    {
        const int Reach = 40;
        double largest = clusters.Count == 0 ? 0 : clusters.Max(c => c.Size);
        for (int k = 0; k < clusters.Count; k++)
        {
            var small = clusters[k];
            if (small.Visible > MaxRaisedGlyphs)
            {
                continue;
            }
            BaselineCluster? best = null;
            bool raised = false;
            double bestDistance = double.MaxValue;
            int from = Math.Max(0, k - Reach), to = Math.Min(clusters.Count - 1, k + Reach);
            for (int j = from; j <= to; j++)
            {
                var line = clusters[j];
                double up = small.Baseline - line.Baseline;
                if (j == k || Math.Abs(up) > MaxRaise * largest || line.AttachedTo is not null || small.Size > SmallerThanLine * line.Size
                    || small.MinX < line.MinX - (2 * line.Size) || small.MaxX > line.MaxX + (3 * line.Size))
                {
                    continue;
                }
                bool fits = up > 0 ? up <= MaxRaise * line.Size : -up <= MaxDrop * line.Size;
                if (fits && Math.Abs(up) < bestDistance)
                {
                    best = line;
                    bestDistance = Math.Abs(up);
                    raised = up > 0;
                }
            }
            if (best is not null)
            {
                small.AttachedTo = best;
                best.Glyphs.AddRange(small.Glyphs.Select(x => (x.Glyph, raised)));
            }
        }
    }

    /// <summary>The runs of a cluster's glyphs, left to right, split where a gap is wide enough to part columns.</summary>
    private static IEnumerable<List<(Glyph Glyph, bool Raised)>> Segments(BaselineCluster cluster)
    {
        var ordered = cluster.Glyphs.OrderBy(x => x.Glyph.X).ToList();
        double gap = Math.Max(ColumnGap * cluster.Size, MinColumnGap);
        var segment = new List<(Glyph, bool)>();
        double lastEnd = double.NaN;
        foreach (var item in ordered)
        {
            if (!item.Glyph.IsSpace)
            {
                if (!double.IsNaN(lastEnd) && item.Glyph.X - lastEnd > gap)
                {
                    yield return segment;
                    segment = [];
                }
                lastEnd = double.IsNaN(lastEnd) ? item.Glyph.EndX : Math.Max(lastEnd, item.Glyph.EndX);
            }
            segment.Add(item);
        }
        yield return segment;
    }

    private static TextLine? Build(int page, List<(Glyph Glyph, bool Raised)> segment, BaselineCluster cluster, bool spaced)
    {
        var kept = WithoutOverprints(segment);
        var own = kept.Where(x => !x.Raised && !x.Glyph.IsSpace).Select(x => x.Glyph).ToList();
        var visible = own.Count > 0 ? own : kept.Where(x => !x.Glyph.IsSpace).Select(x => x.Glyph).ToList();
        if (visible.Count == 0)
        {
            return null;
        }
        double size = Median(visible.Select(g => g.Size));
        // Pages that draw their spaces need a wide gap to see one more (justification and kerning open 1-4 pt gaps
        // inside words: "capacity -", "Narc otic"); pages that draw none part words by the gap alone.
        double spaceGap = (spaced ? 0.45 : 0.2) * size;
        var pieces = new List<LinePiece>();
        var sb = new System.Text.StringBuilder();
        bool raised = false, space = false, seenOwn = false;
        Glyph? previous = null;
        double secondWord = double.NaN;
        foreach (var (g, up) in kept)
        {
            if (g.IsSpace)
            {
                space = previous is not null;
                continue;
            }
            if (previous is { } p && g.X - p.EndX > spaceGap)
            {
                space = true;
            }
            if (up != raised && sb.Length > 0)
            {
                pieces.Add(new LinePiece(sb.ToString(), raised));
                sb.Clear();
            }
            raised = up;
            if (space && previous is { } q && !(Cjk.Is(q.Value[^1]) && Cjk.Is(g.Value[0])))
            {
                sb.Append(' ');
            }
            if (!up)
            {
                if (seenOwn && space && double.IsNaN(secondWord))
                {
                    secondWord = g.X;
                }
                seenOwn = true;
            }
            space = false;
            foreach (char c in g.Value)
            {
                if (!char.IsControl(c))
                {
                    sb.Append(c);
                }
            }
            previous = g;
        }
        if (sb.Length > 0)
        {
            pieces.Add(new LinePiece(sb.ToString(), raised));
        }
        var first = visible[0];
        var last = visible[^1];
        return new TextLine
        {
            Page = page,
            Baseline = cluster.Baseline,
            Size = size,
            StartX = first.X,
            EndX = visible.Max(g => g.EndX),
            SecondWordX = secondWord,
            BoldStart = first.Bold,
            BoldEnd = last.Bold,
            Barcode = visible.All(g => g.Barcode),
            Pieces = pieces,
        };
    }

    /// <summary>The glyphs of a run, left to right, without the copies that overprint one another (bold drawn twice or more).</summary>
    private static List<(Glyph Glyph, bool Raised)> WithoutOverprints(List<(Glyph Glyph, bool Raised)> segment)
    {
        var kept = new List<(Glyph Glyph, bool Raised)>(segment.Count);
        foreach (var item in segment)
        {
            var g = item.Glyph;
            bool copy = false;
            if (!g.IsSpace)
            {
                // The copies of one glyph sort next to each other by x; look back over the last few visible glyphs kept.
                int seen = 0;
                for (int i = kept.Count - 1; i >= 0 && seen < 4; i--)
                {
                    var k = kept[i].Glyph;
                    if (k.IsSpace)
                    {
                        continue;
                    }
                    seen++;
                    double tolerance = Math.Max(0.5, 0.3 * (k.EndX - k.X));
                    if (k.Value == g.Value && Math.Abs(k.X - g.X) <= tolerance && Math.Abs(k.Baseline - g.Baseline) <= 0.25 * k.Size)
                    {
                        copy = true;
                        break;
                    }
                }
            }
            if (!copy)
            {
                kept.Add(item);
            }
        }
        return kept;
    }

    private static bool HasSpaceGlyphs(IReadOnlyList<Glyph> glyphs)
    {
        int spaces = 0;
        foreach (var g in glyphs)
        {
            if (g.IsSpace)
            {
                spaces++;
            }
        }
        return spaces * 20 >= glyphs.Count && spaces > 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
