using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Graph.Pdf.Tests.Support;

/// <summary>Builds small PDFs for tests with PdfPig's writer: text placed by hand, in Times, on US Letter pages.</summary>
internal sealed class TestPdf
{
    private readonly PdfDocumentBuilder builder = new();
    private readonly PdfDocumentBuilder.AddedFont regular;
    private readonly PdfDocumentBuilder.AddedFont bold;
    private PdfPageBuilder? page;

    public TestPdf()
    {
        regular = builder.AddStandard14Font(Standard14Font.TimesRoman);
        bold = builder.AddStandard14Font(Standard14Font.TimesBold);
    }

    public TestPdf NewPage()
    {
        page = builder.AddPage(PageSize.Letter);
        return this;
    }

    /// <summary>Sets <paramref name="text"/> with its baseline starting at (<paramref name="x"/>, <paramref name="y"/>); returns where it ends.</summary>
    public double Text(string text, double x, double y, double size = 10, bool isBold = false)
    {
        var letters = Page.AddText(text, size, new PdfPoint(x, y), isBold ? bold : regular);
        return letters.Count == 0 ? x : letters[^1].EndBaseLine.X;
    }

    public TestPdf Line(double x1, double x2, double y)
    {
        Page.DrawLine(new PdfPoint(x1, y), new PdfPoint(x2, y), 0.5);
        return this;
    }

    public TestPdf Png(byte[] png, double x, double y, double width, double height)
    {
        Page.AddPng(png, new PdfRectangle(x, y, x + width, y + height));
        return this;
    }

    public byte[] Build() => builder.Build();

    private PdfPageBuilder Page => page ?? throw new InvalidOperationException("call NewPage first");
}
