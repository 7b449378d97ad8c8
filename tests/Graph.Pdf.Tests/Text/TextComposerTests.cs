using Graph.Pdf.Layout;
using Graph.Pdf.Text;
using Graph.Text;

namespace Graph.Pdf.Tests.Text;

public sealed class TextComposerTests
{
    private static TextLine Line(params LinePiece[] pieces) => new()
    {
        Page = 1,
        Baseline = 700,
        Size = 10,
        StartX = 123,
        EndX = 490,
        SecondWordX = double.NaN,
        BoldStart = false,
        BoldEnd = false,
        Barcode = false,
        Pieces = pieces,
    };

    private static LinePiece Text(string s) => new(s, false);

    private static LinePiece Raised(string s) => new(s, true);

    // The document's footnotes are 1, 3, 4, 5 and 10: a raised "2" is no marker.
    private static IReadOnlyList<int>? Footnotes(string raised)
    {
        var numbers = raised.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Select(p => int.TryParse(p, out int n) ? n : -1).ToList();
        return numbers.All(n => n is 1 or 3 or 4 or 5 or 10) ? numbers : null;
    }

    private static TextComposer Compose(params TextLine[] lines)
    {
        var composer = new TextComposer(new LineJoiner([]));
        composer.BeginParagraph();
        foreach (var line in lines)
        {
            composer.AppendLine(line, Footnotes);
        }
        composer.Finish();
        return composer;
    }

    [Fact]
    public void A_marker_stands_alone_after_the_word_it_follows()
    {
        var composer = Compose(Line(Text("the Arms Trade Treaty,"), Raised("5"), Text(" including its links")));
        Assert.Equal("the Arms Trade Treaty, 5 including its links", composer.Text);
        Assert.Equal(23, composer.Markers[5]);
    }

    [Fact]
    public void A_marker_set_before_a_full_stop_is_written_after_it()
    {
        // "Treaty 5." would read as a numbered paragraph or a date to the extractor's layout reader.
        var composer = Compose(Line(Text("Takes note of the notes"), Raised("4"), Text(".")));
        Assert.Equal("Takes note of the notes. 4", composer.Text);
    }

    [Fact]
    public void A_marker_that_would_read_on_into_a_range_gets_two_spaces()
    {
        var composer = Compose(Line(Text("of 23 March 2018"), Raised("1"), Text(" and 42/11 of 26 September 2019,")));
        Assert.Equal("of 23 March 2018 1  and 42/11 of 26 September 2019,", composer.Text);
        string text = composer.Text + "\n__________\n1 A/HRC/37/1.\n";
        Assert.Equal(composer.Markers[1], Assert.Single(DocumentLayout.Analyse(text).Footnotes).MarkerStart);
    }

    [Fact]
    public void Two_markers_together_stand_one_after_the_other()
    {
        var composer = Compose(Line(Text("Protocol,"), Raised("3, 4"), Text(" and")));
        Assert.Equal("Protocol, 3 4 and", composer.Text);
    }

    [Fact]
    public void A_raised_piece_that_is_no_marker_stays_on_its_word()
    {
        var composer = Compose(Line(Text("an area of 5 km"), Raised("2"), Text(" each")), Line(Text("the 20"), Raised("th"), Text(" session")));
        Assert.Equal("an area of 5 km2 each the 20th session", composer.Text);
    }

    [Fact]
    public void A_marker_at_a_line_end_is_parted_from_the_next_line()
    {
        var composer = Compose(Line(Text("the Convention,"), Raised("3")), Line(Text("which entered into force")));
        Assert.Equal("the Convention, 3 which entered into force", composer.Text);
    }

    [Fact]
    public void A_long_footnote_goes_on_over_lines_that_the_layout_reader_reads_as_one_footnote()
    {
        var composer = new TextComposer(new LineJoiner([]));
        composer.BeginParagraph();
        composer.AppendLine(Line(Text("Recalling the Convention,"), Raised("1"), Text(" and its Protocols,")), Footnotes);
        composer.BeginParagraph();
        composer.AppendRaw("__________", 1);
        composer.BeginParagraph("\n");
        composer.AppendRaw("1 ", 1);
        int start = composer.Length;
        string list = string.Join(", ", Enumerable.Range(1, 300).Select(n => $"resolution {n}/1 of {(n % 28) + 1} May"));
        composer.AppendLine(Line(Text("See " + list + ".")), Footnotes);
        composer.Finish();
        int length = composer.Length;
        composer.Wrap(start, 1000);

        string text = composer.Text;
        Assert.Equal(length, text.Length);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 1000, line));
        Assert.True(text.Split('\n').Length > 4);
        var footnote = Assert.Single(DocumentLayout.Analyse(text + "\n").Footnotes);
        Assert.Equal((start, length, composer.Markers[1]), (footnote.Start, footnote.End, footnote.MarkerStart!.Value));
    }
}
