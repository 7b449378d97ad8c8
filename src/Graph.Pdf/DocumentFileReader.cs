using Graph.Building;
using Graph.Extraction;
using Graph.Model;
using Graph.Text;

namespace Graph.Pdf;

/// <summary>
/// The one way a document file's bytes become text, references and a graph, for every reader of files (<c>graph
/// extract</c>, <c>graph build</c>, the worker's inbox): a PDF is rebuilt from its layout (<see cref="PdfText"/>), any
/// other file is decoded as text (<see cref="TextDecoder"/>). It lives here, beside the PDF reader, because the core
/// library stays free of PdfPig and every host that reads files needs both.
/// </summary>
/// <remarks>
/// Every method is pure and thread-safe, and none throws on content: a file that cannot be read gives null and the
/// reason, worded for the user, so one bad file never stops a run.
/// </remarks>
public static class DocumentFileReader
{
    /// <summary>
    /// Whether the file is read as a PDF: its name ends in <c>.pdf</c>, or its bytes start as a PDF does (a download job
    /// that names a PDF <c>.txt</c> would otherwise have it decoded as text and rejected as binary).
    /// </summary>
    public static bool IsPdf(string name, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) || bytes.StartsWith("%PDF-"u8);
    }

    /// <summary>
    /// The text the extractor reads from the file: the decoded text, or the text rebuilt from a PDF with its pages.
    /// Null with the reason when the bytes are neither text nor a readable PDF (encrypted, damaged, a scan).
    /// </summary>
    /// <param name="bytes">The file's content.</param>
    /// <param name="name">The file's name; its extension decides, with the content, whether it is a PDF.</param>
    /// <param name="error">Why there is no text.</param>
    public static DocumentText? TryRead(byte[] bytes, string name, out string? error)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(name);
        if (IsPdf(name, bytes))
        {
            return PdfText.TryRead(bytes, out error) is { } pdf ? new DocumentText(pdf.Text, pdf) : null;
        }
        return TextDecoder.TryDecode(bytes, out error) is { } text ? new DocumentText(text, null) : null;
    }

    /// <summary>
    /// The references of the file, each with its PDF page where the file is a PDF. Null with the reason when the file
    /// cannot be read (see <see cref="TryRead"/>) or the extractor fails on it.
    /// </summary>
    /// <inheritdoc cref="TryRead" path="/param"/>
    public static ExtractedDocument? TryExtract(byte[] bytes, string name, out string? error)
    {
        if (TryRead(bytes, name, out error) is not { } document)
        {
            return null;
        }
        ExtractedDocument extracted;
        try
        {
            extracted = Extractor.Default.Extract(document.Text, name);
        }
        // Whatever the extractor throws on one file is that file's failure: the other files still load.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = $"the extractor failed: {e.GetType().Name}: {e.Message}";
            return null;
        }
        return document.Pdf is { } pdf ? WithPages(extracted, pdf) : extracted;
    }

    /// <summary>
    /// The graph of the file, stamped with <paramref name="contentHash"/> for the store's journal (which the worker
    /// reads to skip unchanged files). Null with the reason when the file cannot be extracted (see
    /// <see cref="TryExtract"/>) or the text shows no UN symbol of its own.
    /// </summary>
    /// <param name="bytes">The file's content.</param>
    /// <param name="name">The name the file is reported and loaded under.</param>
    /// <param name="contentHash">The bytes' <see cref="GraphBuilder.ContentHash"/>, which the caller may already need.</param>
    /// <param name="error">Why there is no graph.</param>
    public static DocumentGraph? TryBuild(byte[] bytes, string name, string contentHash, out string? error)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        if (TryExtract(bytes, name, out error) is not { } document)
        {
            return null;
        }
        if (GraphBuilder.Build(document, out error) is not { } graph)
        {
            error ??= "the file cannot be placed in the graph";
            return null;
        }
        return graph with { ContentHash = contentHash };
    }

    /// <summary>The page of every reference, by where its text starts in the rebuilt text, and the PDF's page count.</summary>
    private static ExtractedDocument WithPages(ExtractedDocument document, PdfDocumentText pdf) => document with
    {
        Pages = pdf.Pages,
        References = [.. document.References.Select(r => r with { Page = pdf.PageAt(r.Start) })],
    };
}

/// <summary>The text the extractor reads from a file, and the PDF it was rebuilt from (null for a text file).</summary>
/// <param name="Text">The decoded text, or the text rebuilt from the PDF.</param>
/// <param name="Pdf">The PDF's rebuilt text with its pages and footnotes; null when the file was text.</param>
public sealed record DocumentText(string Text, PdfDocumentText? Pdf);
