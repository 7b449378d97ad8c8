using Graph.Pdf.Layout;

namespace Graph.Pdf.Tests.Layout;

public sealed class LineFinderTests
{
    /// <summary>Glyphs of <paramref name="text"/> set from <paramref name="x"/>, each half an em wide, spaces drawn unless told not.</summary>
    private static IEnumerable<Glyph> Set(string text, double x, double baseline, double size = 10, bool drawSpaces = true, double gap = 0)
    {
        foreach (char c in text)
        {
            double width = size / 2;
            if (c != ' ' || drawSpaces)
            {
                yield return new Glyph(c.ToString(), x, x + width, baseline, size);
            }
            x += width + gap;
        }
    }

    private static List<TextLine> Lines(params IEnumerable<Glyph>[] runs) =>
        LineFinder.Find(new PageContent(1, 612, 792, [.. runs.SelectMany(r => r)], [], 0));

    [Fact]
    public void Glyphs_on_one_baseline_make_one_line_and_lines_come_top_down()
    {
        var lines = Lines(Set("second line", 123, 688), Set("first line", 123, 700));
        Assert.Equal(["first line", "second line"], lines.Select(l => l.Text));
        Assert.Equal(123, lines[0].StartX);
    }

    [Fact]
    public void A_small_raised_number_is_a_raised_piece_of_the_line_under_it()
    {
        var lines = Lines(Set("the Treaty,", 123, 700), Set("5", 178.5, 703.5, 6.5), Set(" including", 182, 700));
        var line = Assert.Single(lines);
        Assert.Equal([new LinePiece("the Treaty,", false), new LinePiece("5", true), new LinePiece(" including", false)], line.Pieces);
    }

    [Fact]
    public void A_number_in_the_text_size_raised_by_a_little_stays_text()
    {
        // Not smaller than the line: a glyph set a little high (a rise in the content stream) is not a marker.
        var lines = Lines(Set("Goal ", 123, 700), Set("5", 148, 700.5));
        Assert.All(Assert.Single(lines).Pieces, p => Assert.False(p.Raised));
    }

    [Fact]
    public void The_number_that_opens_a_footnote_starts_its_line_raised()
    {
        var lines = Lines(Set("12", 114.3, 113, 5.5), Set("Resolution 70/1.", 123, 110, 8.5));
        Assert.True(Assert.Single(lines).OpensWithRaisedNumber);
    }

    [Fact]
    public void Two_runs_far_apart_on_one_baseline_are_two_lines()
    {
        var lines = Lines(Set("United Nations", 123, 734), Set("A/RES/78/48", 487, 734));
        Assert.Equal(["United Nations", "A/RES/78/48"], lines.Select(l => l.Text));
    }

    [Fact]
    public void A_glyph_drawn_again_nearly_in_place_is_kept_once()
    {
        var lines = Lines(Set("General", 123, 700), Set("General", 123.3, 700), Set("General", 123, 700.3), Set("General", 123.3, 700.3));
        Assert.Equal("General", Assert.Single(lines).Text);
    }

    [Fact]
    public void A_doubled_letter_of_a_word_is_not_an_overprint()
    {
        Assert.Equal("committee", Assert.Single(Lines(Set("committee", 123, 700))).Text);
    }

    [Fact]
    public void Where_a_page_draws_no_spaces_a_gap_parts_two_words()
    {
        var lines = Lines(Set("the Convention", 123, 700, drawSpaces: false));
        Assert.Equal("the Convention", Assert.Single(lines).Text);
    }

    [Fact]
    public void Chinese_set_with_letter_spacing_gets_no_spaces()
    {
        var lines = Lines(Set("回顾其决议", 123, 700, drawSpaces: false, gap: 3));
        Assert.Equal("回顾其决议", Assert.Single(lines).Text);
    }

    [Fact]
    public void A_line_remembers_where_its_second_word_starts()
    {
        // The heading "78/163." hangs in the margin; its title's next line starts under the title, not the number.
        var line = Assert.Single(Lines(Set("78/163.", 72, 425, 12), Set("Follow-up", 123.4, 425, 12)));
        Assert.Equal(123.4, line.SecondWordX, 3);
    }
}
