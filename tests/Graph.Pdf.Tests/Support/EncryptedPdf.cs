using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Graph.Pdf.Tests.Support;

/// <summary>
/// A one-page PDF encrypted with the standard security handler (revision 2, RC4 40-bit), written by hand: PdfPig's
/// writer cannot encrypt. Its page draws nothing, so nothing else needs encrypting.
/// </summary>
internal static class EncryptedPdf
{
    // The padding string of the PDF standard (ISO 32000-1, 7.6.3.3, algorithm 2).
    private static readonly byte[] Padding =
    [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
        0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
    ];

    private static readonly byte[] Id = [.. Enumerable.Repeat((byte)0xAB, 16)];

    private const int Permissions = -4;

    /// <summary>A PDF that opens only with a user password no reader is given.</summary>
    public static byte[] WithUserPassword() => Build(Enumerable.Range(0, 32).Select(i => (byte)(((i * 37) + 11) % 256)).ToArray(), Owner(""));

    /// <summary>A PDF whose user password is empty, as PDFs that only restrict printing or copying have: any reader opens it.</summary>
    public static byte[] WithEmptyUserPassword()
    {
        byte[] owner = Owner("");
        return Build(User(owner), owner);
    }

    // Algorithm 3: the owner entry, from an owner password and the (empty) user password.
    private static byte[] Owner(string user)
    {
        byte[] key = Md5(Pad("owner"))[..5];
        return Rc4(key, Pad(user));
    }

    // Algorithms 2 and 4: the user entry is the padding encrypted with the file key of the empty password.
    private static byte[] User(byte[] owner)
    {
        byte[] permissions = BitConverter.GetBytes(Permissions);
        byte[] key = Md5([.. Pad(""), .. owner, .. permissions, .. Id])[..5];
        return Rc4(key, Padding);
    }

    private static byte[] Pad(string password)
    {
        byte[] bytes = Encoding.Latin1.GetBytes(password);
        return [.. bytes.Take(32), .. Padding.Take(32 - Math.Min(32, bytes.Length))];
    }

#pragma warning disable CA5351 // MD5 and RC4 are what the PDF standard's revision 2 handler is made of; this builds test data.
    private static byte[] Md5(byte[] data) => MD5.HashData(data);
#pragma warning restore CA5351

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var s = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
        }
        var output = new byte[data.Length];
        for (int n = 0, i = 0, j = 0; n < data.Length; n++)
        {
            i = (i + 1) & 0xFF;
            j = (j + s[i]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
            output[n] = (byte)(data[n] ^ s[(s[i] + s[j]) & 0xFF]);
        }
        return output;
    }

    private static byte[] Build(byte[] user, byte[] owner)
    {
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        void Object(string body)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
        Object($"<< /Filter /Standard /V 1 /R 2 /O <{Convert.ToHexString(owner)}> /U <{Convert.ToHexString(user)}> /P {Permissions} >>");
        int xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (int offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        string id = Convert.ToHexString(Id);
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
