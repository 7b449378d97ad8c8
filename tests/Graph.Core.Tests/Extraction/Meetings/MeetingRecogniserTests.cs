using Graph.Extraction;
using Graph.Model;
using Graph.Tests.Support;

namespace Graph.Tests.Extraction.Meetings;

/// <summary>
/// Resumed meetings on a real document, and the resumed meetings that are left out; the spec
/// (Specs/meetings.md) shows the English and Chinese forms case by case.
/// </summary>
public sealed class MeetingRecogniserTests
{
    [Fact]
    public void A_RES_78_236_was_adopted_at_the_resumed_part_of_the_50th_plenary_meeting()
    {
        // The text the PDF reader rebuilds from the UN's own PDF of A/RES/78/236.
        string text = File.ReadAllText(Repository.Path("tests", "Graph.Pdf.Tests", "Golden", "A_RES_78_236.txt"));

        var document = Extractor.Default.Extract(text, "A_RES_78_236.txt");

        Assert.Equal("A/78/PV.50", document.AdoptedAt);
        Assert.Equal("2023-12-22", document.AdoptedOn?.ToString());
        var meeting = Assert.Single(document.References, r => r.Kind == ReferenceKind.Meeting);
        Assert.Equal("50th (resumed) plenary meeting", meeting.Surface);
        Assert.Equal("adopted-at", meeting.Relation);
    }

    [Theory]
    [InlineData("Resolution 1483 (2003)\n\nAdopted by the Security Council at its 4761st (resumed) meeting, on 22 May 2003\n")]
    [InlineData("第 1483 (2003)号决议\n\n2003年5月22日安全理事会第4761(续)次会议通过\n")]
    public void A_resumed_Security_Council_meeting_is_not_named_as_the_meeting_it_resumes(string text)
    {
        var document = Extractor.Default.Extract(text, "test.txt");

        Assert.DoesNotContain(document.References, r => r.Kind == ReferenceKind.Meeting);
        Assert.Null(document.AdoptedAt);
    }
}
