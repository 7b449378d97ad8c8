using Graph.Model;

namespace Graph.Tests.Export;

/// <summary>
/// A small graph with hostile text in every place text can go: ids, names, string and list properties, surfaces,
/// pinpoints and evidence fields; plus an integer, booleans, a property only some nodes of a label have, an edge
/// without surfaces, and an edge to a node that does not exist (which every exporter must skip).
/// </summary>
internal static class SampleGraph
{
    public const string ResolutionId = "A/RES/68/72";

    /// <summary>An id no store would make, to show ids are escaped like any text.</summary>
    public const string DocumentId = "A/68/305 \"odd\"\n'id', </node>; |x|";

    public const string MissingId = "A/RES/99/1";

    public static readonly string[] Files = ["seeds/a;b.txt", Hostile.Separators, Hostile.Controls];

    public static GraphNode Resolution { get; } = new(ResolutionId, NodeLabel.Resolution, Hostile.Quotes, true, new Dictionary<string, object>
    {
        ["title_en"] = Hostile.Breaks + " " + Hostile.Markup,
        ["title_zh"] = Hostile.Chinese,
        ["number"] = 72L,
        ["adopted"] = true,
        ["date"] = "2013-12-05",
        ["files"] = Files,
        ["note"] = Hostile.EscapesAsText + " " + Hostile.Astral + " " + Hostile.LoneSurrogate,
    });

    public static GraphNode Document { get; } = new(DocumentId, NodeLabel.Document, Hostile.Markup, false, new Dictionary<string, object>
    {
        ["url"] = "https://undocs.org/A/68/305?a=1&b=</x>",
        ["languages"] = new[] { "en", "zh" },
    });

    /// <summary>A treaty with a year and no protocol flag, next to one with the flag and no year.</summary>
    public static GraphNode Ccm { get; } = new("ccm", NodeLabel.Treaty, Hostile.Chinese, false, new Dictionary<string, object> { ["year"] = 2008L });

    public static GraphNode Ccw { get; } = new("ccw-p5", NodeLabel.Treaty, Hostile.Controls, true, new Dictionary<string, object> { ["protocol"] = false });

    /// <summary>
    /// Three statements of one citation: Chinese, English with every optional field (a PDF's page among them), and
    /// the same English words again.
    /// </summary>
    public static GraphEdge Recalls { get; } = new(ResolutionId, "RECALLS", DocumentId,
    [
        Said("zh", Hostile.Chinese, "第96段"),
        Said("en", Hostile.Breaks, "para. 96; annex | I") with { Footnote = 3, Date = "2013-08-01", Page = 2 },
        Said("en", Hostile.Breaks, null) with { Paragraph = null },
    ]);

    public static GraphEdge RecallsTreaty { get; } = new(ResolutionId, "RECALLS", "ccm", [Said("en", Hostile.Controls + " " + Hostile.LoneSurrogate, Hostile.Quotes)]);

    /// <summary>A structural edge: evidence without surface or pinpoint.</summary>
    public static GraphEdge OfCommittee { get; } = new(DocumentId, "OF_COMMITTEE", "ccw-p5", [Said("en", null, null) with { Paragraph = null }]);

    public static GraphEdge Dangling { get; } = new(ResolutionId, "RECALLS", MissingId, [Said("en", "resolution 99/1", null)]);

    public static IReadOnlyList<GraphNode> Nodes { get; } = [Resolution, Document, Ccm, Ccw];

    /// <summary>The edges an exporter writes, in the store's order; <see cref="Dangling"/> is not among them.</summary>
    public static IReadOnlyList<GraphEdge> WrittenEdges { get; } = [OfCommittee, Recalls, RecallsTreaty];

    public static ListedGraph Store() => new(Nodes, [OfCommittee, Recalls, Dangling, RecallsTreaty]);

    public static Evidence Said(string language, string? surface, string? pinpoint) => new()
    {
        Source = $"{ResolutionId}@{language}",
        Language = language,
        File = "seeds/A_RES_68_72 \"zh\";|.txt",
        Surface = surface,
        Offset = surface is null ? null : 120,
        Length = surface?.Length,
        Paragraph = new Paragraph(Paragraph.Operative, 3),
        Pinpoint = pinpoint,
    };
}
