using System.Globalization;
using System.Text;

namespace Graph.Pdf.Tests.Support;

/// <summary>
/// A one-page PDF protected by a user password (the standard security handler, RC4 40-bit), written by hand: PdfPig's
/// writer cannot encrypt. Its /U entry matches no password, so no reader opens it without one.
/// </summary>
internal static class EncryptedPdf
{
    public static byte[] Build()
    {
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        void Object(string body)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }
        string key = string.Concat(Enumerable.Range(0, 32).Select(i => ((i * 37) + 11) % 256).Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
        Object($"<< /Filter /Standard /V 1 /R 2 /O <{key}> /U <{key}> /P -4 >>");
        int xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (int offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        string id = string.Concat(Enumerable.Repeat("AB", 16));
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
