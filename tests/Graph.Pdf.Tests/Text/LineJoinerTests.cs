using Graph.Pdf.Text;

namespace Graph.Pdf.Tests.Text;

public sealed class LineJoinerTests
{
    // What the document writes inside its lines: the words and compounds that decide a hyphen at a line's end.
    private static readonly LineJoiner Joiner = new(
    [
        "the implementation of the Programme of Action and mine-action efforts",
        "as set out in the present resolution",
    ]);

    [Theory]
    [InlineData("Recalling the", "Convention on", nameof(Join.Space))]
    [InlineData("for the implemen-", "tation of", nameof(Join.DropHyphen))]          // "implementation" is written elsewhere
    [InlineData("in its resolu-", "tion 70/1", nameof(Join.DropHyphen))]             // a word the extractor keys on
    [InlineData("national mine-", "action efforts", nameof(Join.Nothing))]           // "mine-action" is written elsewhere
    [InlineData("acts of gender-", "based violence", nameof(Join.Nothing))]          // unknown: a compound's hyphen is the rule
    [InlineData("the Secretary-", "General to", nameof(Join.Nothing))]
    [InlineData("the Non-Self-", "Governing Territories", nameof(Join.Nothing))]
    [InlineData("the Decade 2014–", "2024 and", nameof(Join.Nothing))]
    [InlineData("see A/78/", "L.68", nameof(Join.Nothing))]
    [InlineData("develop\u00AD", "ment", nameof(Join.DropHyphen))]                  // a soft hyphen only ever breaks a word
    [InlineData("回顾其第", "60/97号决议", nameof(Join.Nothing))]
    [InlineData("大会", "决议", nameof(Join.Nothing))]
    [InlineData("2015 年", "9 月", nameof(Join.Nothing))]
    public void A_line_end_meets_the_next_line(string end, string next, string expected)
    {
        Assert.Equal(Enum.Parse<Join>(expected), Joiner.Decide(end, next));
    }
}
