using System.Text;
using Graph.Pdf.Layout;
using Graph.Pdf.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Graph.Pdf;

/// <summary>
/// Reads a resolution as the UN publishes it, a PDF, and rebuilds its text from the page layout, in the form the
/// text extractor reads: the same references, relations, paragraphs and footnotes as a clean text of it.
/// </summary>
/// <remarks>
/// <para>What the text holds, and why:</para>
/// <list type="bullet">
/// <item>Each paragraph on one line, paragraphs set apart by an empty line: the lines of a paragraph are joined (a
/// space between words, none between Chinese characters, a hyphen kept unless it broke a word), across pages too.
/// Operative paragraphs keep their numbers (<c>1. Welcomes …</c>), sub-items theirs (<c>(a) To invite …</c>). The
/// extractor starts a preambular paragraph at a clause verb that starts a line, and an operative one at its number.</item>
/// <item>The first page's masthead, heading and adoption note as the page sets them, one line each: the extractor
/// reads the symbol, session, agenda item, committee, report and title from them.</item>
/// <item>No running heads (symbol and title at the top of each later page), job numbers, barcodes or page
/// numbers: they are not text of the resolution, and would split paragraphs.</item>
/// <item>Footnote markers, which the PDF sets as small raised numbers, as the number alone after the word it
/// follows (<c>Arms Trade Treaty, 5 including</c>): the extractor's layout reader finds a marker there and drops it
/// from the text it matches.</item>
/// <item>After the body, a rule of underscores and the footnotes, one a line, each opening with its number, joined
/// across pages: the form in which the extractor finds footnotes and links each to its marker. They all follow the
/// body rather than each page's text, so that a paragraph running over a page break stays whole and a footnote
/// that does not end with a full stop cannot be read on into the body after it.</item>
/// <item>Spaces and line breaks are the rebuilding's own; <see cref="PdfDocumentText.PageAt"/> gives the page of
/// any character, <see cref="PdfDocumentText.Footnotes"/> where each footnote and its marker were written.</item>
/// </list>
/// </remarks>
public static class PdfText
{
    // A PDF starts with its header within its first kilobyte and ends with %%EOF within its last two (readers
    // tolerate a little junk either side); a file cut short has lost its end.
    private const int HeaderWindow = 1024, TrailerWindow = 2048;

    /// <summary>
    /// Reads the PDF in <paramref name="bytes"/> and rebuilds its text. Never throws on bad content: returns null and
    /// sets <paramref name="error"/> to a message for the user: "the PDF is encrypted", "the PDF is damaged: …", "a
    /// scanned image with no text layer (N pages): run OCR first", "the PDF has no text (N pages without text or
    /// images)" or "the PDF has no pages". A PDF whose encryption only restricts permissions (an empty user
    /// password, as many published PDFs have) is read as any other.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="bytes"/> is null.</exception>
    public static PdfDocumentText? TryRead(byte[] bytes, out string? error)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        error = Precheck(bytes);
        if (error is not null)
        {
            return null;
        }
        List<PageContent> pages;
        try
        {
            pages = ReadPages(bytes);
        }
        catch (PdfDocumentEncryptedException)
        {
            error = "the PDF is encrypted";
            return null;
        }
#pragma warning disable CA1031 // PdfPig throws many kinds of exception on damaged files; each is this file's failure, not the caller's.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            error = "the PDF is damaged: " + OneLine(e.Message);
            return null;
        }
        if (pages.Count == 0)
        {
            error = "the PDF has no pages";
            return null;
        }
        var text = TextAssembler.Assemble(pages);
        if (text is null)
        {
            error = pages.Any(p => p.Images > 0)
                ? $"a scanned image with no text layer ({Count(pages.Count)}): run OCR first"
                : $"the PDF has no text ({Count(pages.Count)} without text or images)";
        }
        return text;
    }

    private static string? Precheck(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return "the PDF is damaged: the file is empty";
        }
        if (bytes.AsSpan(0, Math.Min(bytes.Length, HeaderWindow)).IndexOf("%PDF-"u8) < 0)
        {
            return "the PDF is damaged: it is not a PDF (no %PDF- header)";
        }
        if (bytes.AsSpan(Math.Max(0, bytes.Length - TrailerWindow)).IndexOf("%%EOF"u8) < 0)
        {
            return "the PDF is damaged: it is cut short (no %%EOF at its end)";
        }
        return null;
    }

    private static List<PageContent> ReadPages(byte[] bytes)
    {
        var options = new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true };
        using var document = PdfDocument.Open(bytes, options);
        var pages = new List<PageContent>(document.NumberOfPages);
        for (int n = 1; n <= document.NumberOfPages; n++)
        {
            pages.Add(PdfPageReader.Read(document.GetPage(n)));
        }
        return pages;
    }

    private static string Count(int pages) => pages == 1 ? "1 page" : $"{pages} pages";

    private static string OneLine(string message)
    {
        var sb = new StringBuilder(Math.Min(message.Length, 200));
        foreach (char c in message)
        {
            if (sb.Length == 200)
            {
                sb.Append('…');
                break;
            }
            sb.Append(char.IsControl(c) ? ' ' : c);
        }
        string s = sb.ToString().Trim();
        return s.Length == 0 ? "unreadable" : s;
    }
}
