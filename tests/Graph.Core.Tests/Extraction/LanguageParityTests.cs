using Graph.Extraction;
using Graph.Model;
using Graph.Tests.Support;

namespace Graph.Tests.Extraction;

/// <summary>
/// The Chinese and English texts of one resolution cite the same things in the same way: the graph must not
/// depend on which language version it was built from.
/// </summary>
public sealed class LanguageParityTests
{
    [Fact]
    public void The_Chinese_and_English_texts_of_A_RES_68_72_yield_the_same_kind_id_relation_triples()
    {
        var chinese = Extract("000_59d55c22d464376a.txt");
        var english = Extract("002_1bb7a33e0cfe5e8b.txt");
        Assert.Equal("A/RES/68/72", chinese.Symbol);
        Assert.Equal(chinese.Symbol, english.Symbol);

        // The English seed is an excerpt without the bracketed adoption note under the heading (the Chinese one
        // has "[根据特别政治和非殖民化委员会（第四委员会）的报告(A/68/421)通过]"), so the triples that note gives are
        // compared on their own below; everything else must agree exactly.
        var zh = Triples(chinese, withoutAdoptionNote: true);
        var en = Triples(english, withoutAdoptionNote: true);
        Assert.Equal(zh, en);
        Assert.Contains(("treaty", "ccw-p5", "reaffirms"), en);
        Assert.Contains(("document", "A/68/305", "takes-note"), en);
        Assert.Contains(("session", "A/70", "requests-report"), en);

        Assert.Equal(
            [("committee", "A/C.4", "adopted-on-report"), ("document", "A/68/421", "adopted-on-report")],
            chinese.References.Where(r => r.Relation == "adopted-on-report").Select(r => (r.Kind.Name(), r.Id, r.Relation)).Order());
        Assert.DoesNotContain(english.References, r => r.Relation == "adopted-on-report");
    }

    [Fact]
    public void Both_texts_attribute_each_footnote_to_the_same_paragraph()
    {
        var chinese = Extract("000_59d55c22d464376a.txt");
        var english = Extract("002_1bb7a33e0cfe5e8b.txt");
        Assert.Equal(Footnotes(chinese), Footnotes(english));
        // Footnotes 3 and 4 list organizations and cite nothing.
        Assert.Equal([1, 2, 5, 6, 7], Footnotes(english).Select(f => f.Footnote!.Value).Distinct().Order());
    }

    private static ExtractedDocument Extract(string seed) =>
        Extractor.Default.Extract(File.ReadAllText(Repository.Path("seeds", seed)), seed);

    private static SortedSet<(string Kind, string Id, string Relation)> Triples(ExtractedDocument d, bool withoutAdoptionNote) =>
        new(d.References.Where(r => !withoutAdoptionNote || r.Relation != "adopted-on-report").Select(r => (r.Kind.Name(), r.Id, r.Relation)));

    private static SortedSet<(int? Footnote, string Id, string Part, int? Number)> Footnotes(ExtractedDocument d) =>
        new(d.References.Where(r => r.Footnote is not null).Select(r => (r.Footnote, r.Id, r.Paragraph.Part, r.Paragraph.Number)));
}
