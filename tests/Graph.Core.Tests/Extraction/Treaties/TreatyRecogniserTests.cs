using Graph.Extraction;
using Graph.Model;

namespace Graph.Tests.Extraction.Treaties;

/// <summary>
/// Treaty recognition rules that the spec (Specs/treaties.md) does not show case by case: the limits on
/// Treaty Series lists, and what "the Convention" needs before it means anything.
/// </summary>
public sealed class TreatyRecogniserTests
{
    private static IReadOnlyList<Reference> Treaties(string text) =>
        Extractor.Default.Extract(text, "test.txt").References.Where(r => r.Kind == ReferenceKind.Treaty).ToList();

    [Fact]
    public void A_Treaty_Series_range_is_one_treaty_per_number_of_the_range()
    {
        var treaties = Treaties("1 United Nations, Treaty Series, vol. 75, Nos. 970 to 973.");

        Assert.Equal(["gc-i", "gc-ii", "gc-iii", "gc-iv"], treaties.Select(t => t.Id));
        Assert.All(treaties, t => Assert.Equal("United Nations, Treaty Series, vol. 75, Nos. 970 to 973", t.Surface));
    }

    [Fact]
    public void A_Treaty_Series_range_too_long_to_be_treaties_published_together_counts_only_its_ends()
    {
        var document = Extractor.Default.Extract("United Nations, Treaty Series, vol. 75, Nos. 970-9999.", "test.txt");

        Assert.Equal(["gc-i", "unts-75-9999"], document.References.Select(t => t.Id));
        Assert.Equal("treaty-unknown", Assert.Single(document.Diagnostics).Code);
    }

    [Fact]
    public void A_protocol_of_the_Convention_needs_a_resolution_title_that_names_the_Convention()
    {
        Assert.Empty(Treaties(" 68/72. Assistance in mine action\nThe General Assembly,\nWelcoming Protocol V to the Convention,\n"));
        Assert.Equal(
            ["ccw", "ccw-p5"],
            Treaties(" 74/62. Convention on Certain Conventional Weapons\nThe General Assembly,\nWelcoming Protocol V to the Convention,\n").Select(t => t.Id));
    }

    [Fact]
    public void Words_of_amendment_after_a_protocol_are_part_of_its_citation()
    {
        var treaty = Assert.Single(Treaties("the Protocol on Blinding Laser Weapons (Protocol IV), as amended in 1996, and"));

        // Protocol IV has no amended text in the gazetteer: the words do not change the treaty nor join its surface.
        Assert.Equal("ccw-p4", treaty.Id);
        Assert.Equal("Protocol on Blinding Laser Weapons (Protocol IV)", treaty.Surface);
    }
}
