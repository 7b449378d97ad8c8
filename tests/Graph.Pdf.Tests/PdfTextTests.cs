using Graph.Pdf.Tests.Support;
using Graph.Text;

namespace Graph.Pdf.Tests;

/// <summary>
/// PDFs made for the test: the layout a reader sees (markers, footnotes, running heads, footers, overprinted bold),
/// and the bad files that must give a clear error and never an exception.
/// </summary>
public sealed class PdfTextTests
{
    /// <summary>
    /// Two pages laid out as the UN sets a resolution: masthead symbol, heading, a preambular paragraph over two
    /// lines with a raised 6.5 pt marker and a "5" of the text, a footnote under a rule, a footer, then a running head.
    /// </summary>
    private static byte[] Resolution(bool raisedMarker = true)
    {
        var pdf = new TestPdf().NewPage();
        pdf.Text("A/RES/99/1", 480, 735);
        pdf.Text("99/1. Test resolution", 78, 600, 12, isBold: true);
        pdf.Text("The General Assembly,", 147, 570);
        double x = pdf.Text("Recalling the Convention on Testing,", 147, 552);
        x = raisedMarker ? pdf.Text("1", x + 0.5, 555.5, 6.5) : pdf.Text(" 1", x, 552);
        pdf.Text(" which serves Goal 5 of the Agenda", x, 552);
        pdf.Text("adopted in 2015,", 123, 540);
        pdf.Text("1. Decides to test the reader;", 147, 522);
        pdf.Text("__________________", 100, 130, 8, isBold: true);
        pdf.Text("1", 117, 113, 5.5);
        pdf.Text("Resolution 1/1, annex.", 123, 110, 8.5);
        pdf.Text("99-12345 (E)", 65, 44);
        pdf.Text("*9912345*", 65, 30, 12);
        pdf.NewPage();
        pdf.Text("A/RES/99/1 Test resolution", 60, 733, 8.5, isBold: true);
        pdf.Text("2. Requests the Secretary-General to report.", 147, 709.7);
        pdf.Text("42nd plenary meeting", 395, 680);
        pdf.Text("2/2", 60, 37, 8.5, isBold: true);
        pdf.Text("99-12345", 524, 38, 7);
        return pdf.Build();
    }

    [Fact]
    public void A_resolution_is_rebuilt_as_paragraphs_then_its_footnotes()
    {
        var document = PdfText.TryRead(Resolution(), out string? error);
        Assert.Null(error);
        Assert.NotNull(document);
        Assert.Equal(
            "A/RES/99/1\n\n99/1. Test resolution\n\nThe General Assembly,\n\n"
            + "Recalling the Convention on Testing, 1 which serves Goal 5 of the Agenda adopted in 2015,\n\n"
            + "1. Decides to test the reader;\n\n2. Requests the Secretary-General to report.\n\n42nd plenary meeting\n\n"
            + "__________\n1 Resolution 1/1, annex.\n",
            document.Text);
        Assert.Equal(2, document.Pages);
    }

    [Fact]
    public void A_small_raised_number_is_a_marker_and_a_number_of_the_text_is_not()
    {
        var document = PdfText.TryRead(Resolution(), out _)!;
        var footnote = Assert.Single(document.Footnotes);
        int marker = document.Text.IndexOf("Testing, 1 ", StringComparison.Ordinal) + "Testing, ".Length;
        Assert.Equal(new PdfFootnote(1, 1, document.Text.IndexOf("Resolution 1/1", StringComparison.Ordinal), "Resolution 1/1, annex.".Length, marker, 1), footnote);
        // The extractor's layout reader sees the same footnote and marker, and leaves "Goal 5" alone.
        var read = Assert.Single(DocumentLayout.Analyse(document.Text).Footnotes);
        Assert.Equal(marker, read.MarkerStart);
    }

    [Fact]
    public void A_number_set_in_the_text_size_on_the_baseline_is_no_marker()
    {
        // The same page with the "1" after "Testing," set like the text: it is text, and the footnote has no marker.
        var document = PdfText.TryRead(Resolution(raisedMarker: false), out _)!;
        Assert.Null(Assert.Single(document.Footnotes).MarkerStart);
        Assert.Contains("Testing, 1 which", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Running_heads_job_numbers_barcodes_and_page_numbers_are_left_out()
    {
        string text = PdfText.TryRead(Resolution(), out _)!.Text;
        Assert.DoesNotContain("99-12345", text, StringComparison.Ordinal);
        Assert.DoesNotContain("*9912345*", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2/2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Test resolution\n\nA/RES", text, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(text, "A/RES/99/1"));
    }

    [Fact]
    public void Each_character_knows_the_page_it_came_from()
    {
        var document = PdfText.TryRead(Resolution(), out _)!;
        string text = document.Text;
        Assert.Equal(1, document.PageAt(text.IndexOf("1. Decides", StringComparison.Ordinal)));
        Assert.Equal(2, document.PageAt(text.IndexOf("2. Requests", StringComparison.Ordinal)));
        Assert.Equal(2, document.PageAt(text.IndexOf("plenary", StringComparison.Ordinal)));
        Assert.Equal(1, document.PageAt(document.Footnotes[0].Start));
        Assert.Equal(1, document.PageAt(text.Length));
        Assert.Throws<ArgumentOutOfRangeException>(() => document.PageAt(text.Length + 1));
    }

    [Fact]
    public void A_footnote_running_on_to_the_next_page_is_joined_to_its_start()
    {
        // The body is set in 10 pt and is most of the text, as in a resolution; the footnotes in 8.5 pt.
        var pdf = new TestPdf().NewPage();
        pdf.Text("99/2. Footnotes", 78, 600, 12, isBold: true);
        double x = pdf.Text("Recalling the report,", 147, 570);
        pdf.Text("1", x + 0.5, 573.5, 6.5);
        for (int i = 0; i < 5; i++)
        {
            pdf.Text($"{i + 1}. Decides to go on reading the text of the present resolution;", 147, 552 - (18 * i));
        }
        pdf.Text("__________________", 100, 130, 8, isBold: true);
        pdf.Text("1", 117, 113, 5.5);
        pdf.Text("Official Records of the General Assembly, Seventy-ninth Session,", 123, 110, 8.5);
        pdf.NewPage();
        x = pdf.Text("Taking note of the other report,", 147, 700);
        pdf.Text("2", x + 0.5, 703.5, 6.5);
        pdf.Text("__________________", 100, 130, 8, isBold: true);
        pdf.Text("Supplement No. 1 (A/79/1).", 123, 110, 8.5);
        pdf.Text("2", 117, 102.5, 5.5);
        pdf.Text("A/79/2.", 123, 99.5, 8.5);
        var document = PdfText.TryRead(pdf.Build(), out _)!;
        Assert.Contains("Recalling the report, 1\n\n1. Decides", document.Text, StringComparison.Ordinal);
        Assert.EndsWith(
            "__________\n1 Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 1 (A/79/1).\n2 A/79/2.\n",
            document.Text,
            StringComparison.Ordinal);
        Assert.Equal([1, 2], document.Footnotes.Select(f => f.Page));
        Assert.Equal(2, document.PageAt(document.Text.IndexOf("Supplement", StringComparison.Ordinal)));
    }

    [Fact]
    public void Bold_drawn_over_itself_comes_out_once()
    {
        // Chinese UN PDFs set bold by drawing each word four times a quarter point apart.
        var pdf = new TestPdf().NewPage();
        foreach (var (dx, dy) in new[] { (0.0, 0.0), (0.25, 0.0), (0.0, 0.25), (0.25, 0.25) })
        {
            pdf.Text("The General Assembly,", 147 + dx, 570 + dy, isBold: true);
        }
        pdf.Text("Recalling its resolution 1/1,", 147, 552);
        Assert.Equal("The General Assembly,\n\nRecalling its resolution 1/1,\n", PdfText.TryRead(pdf.Build(), out _)!.Text);
    }

    [Fact]
    public void A_page_of_images_without_text_is_reported_as_a_scan()
    {
        var pdf = new TestPdf().NewPage().Png(TestPng.Grey(40, 50), 50, 50, 500, 700).NewPage().Png(TestPng.Grey(40, 50), 50, 50, 500, 700);
        Assert.Null(PdfText.TryRead(pdf.Build(), out string? error));
        Assert.Equal("a scanned image with no text layer (2 pages): run OCR first", error);
    }

    [Fact]
    public void A_page_without_text_or_images_is_reported_as_having_no_text()
    {
        Assert.Null(PdfText.TryRead(new TestPdf().NewPage().Build(), out string? error));
        Assert.Equal("the PDF has no text (1 page without text or images)", error);
    }

    [Fact]
    public void A_PDF_without_pages_says_so()
    {
        Assert.Null(PdfText.TryRead(new TestPdf().Build(), out string? error));
        Assert.Equal("the PDF has no pages", error);
    }

    [Fact]
    public void An_encrypted_PDF_says_so()
    {
        Assert.Null(PdfText.TryRead(EncryptedPdf.WithUserPassword(), out string? error));
        Assert.Equal("the PDF is encrypted", error);
    }

    [Fact]
    public void A_PDF_encrypted_with_an_empty_user_password_is_read_as_any_other()
    {
        // Its one page draws nothing: the error is about the page, not the encryption.
        Assert.Null(PdfText.TryRead(EncryptedPdf.WithEmptyUserPassword(), out string? error));
        Assert.Equal("the PDF has no text (1 page without text or images)", error);
    }

    [Fact]
    public void An_empty_file_is_damaged()
    {
        Assert.Null(PdfText.TryRead([], out string? error));
        Assert.Equal("the PDF is damaged: the file is empty", error);
    }

    [Fact]
    public void Random_bytes_are_not_a_PDF()
    {
        var bytes = new byte[4096];
        new Random(8).NextBytes(bytes);
        Assert.Null(PdfText.TryRead(bytes, out string? error));
        Assert.Equal("the PDF is damaged: it is not a PDF (no %PDF- header)", error);
    }

    [Fact]
    public void A_PDF_cut_short_is_damaged()
    {
        byte[] whole = Sample.Named("A_RES_78_48").Bytes;
        Assert.Null(PdfText.TryRead(whole[..(whole.Length / 2)], out string? error));
        Assert.Equal("the PDF is damaged: it is cut short (no %%EOF at its end)", error);
    }

    [Fact]
    public void A_file_with_a_PDF_header_and_nothing_readable_is_damaged_with_the_reason()
    {
        Assert.Null(PdfText.TryRead("%PDF-1.7\nthis is not a PDF at all\n%%EOF\n"u8.ToArray(), out string? error));
        Assert.StartsWith("the PDF is damaged: ", error, StringComparison.Ordinal);
        Assert.True(error!.Length > "the PDF is damaged: ".Length);
        Assert.DoesNotContain('\n', error);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void A_damaged_sample_gives_text_or_an_error_and_never_an_exception(int seed)
    {
        // Bytes overwritten at random past the header and before the end: objects, streams and the cross-reference table.
        byte[] bytes = Sample.Named("A_RES_79_281").Bytes;
        var random = new Random(seed);
        for (int i = 0; i < 64; i++)
        {
            bytes[random.Next(1024, bytes.Length - 2048)] = (byte)random.Next(256);
        }
        var document = PdfText.TryRead(bytes, out string? error);
        Assert.True(document is null ? error is not null : error is null);
    }

    [Fact]
    public void A_null_argument_throws_at_once()
    {
        Assert.Throws<ArgumentNullException>(() => PdfText.TryRead(null!, out _));
    }
}
