using System.Text;

namespace Graph.Text;

/// <summary>
/// Decodes the bytes of a document. Chinese UN texts come in UTF-8, UTF-16 (with a byte order mark) or
/// GB18030; each is read strictly, so a file that is none of them is reported, not garbled.
/// </summary>
public static class TextDecoder
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>Decodes <paramref name="bytes"/>, or says in <paramref name="error"/> why they are not text.</summary>
    /// <returns>The text, or null when the bytes are not text in a supported encoding.</returns>
    public static string? TryDecode(ReadOnlySpan<byte> bytes, out string? error)
    {
        error = null;
        try
        {
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                return Utf8.GetString(bytes[3..]);
            }
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            {
                return Strict(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..]);
            }
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            {
                return Strict(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..]);
            }
        }
        catch (DecoderFallbackException e)
        {
            error = $"the byte order mark promises Unicode but the bytes are not valid ({e.Message})";
            return null;
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            error = "binary content (NUL bytes), not text";
            return null;
        }
        try
        {
            return Utf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: try the Chinese national encoding next.
        }
        try
        {
            string text = Gb18030.Value.GetString(bytes);
            if (LooksLikeText(text))
            {
                return text;
            }
        }
        catch (DecoderFallbackException)
        {
            // Neither: reported below.
        }
        error = "undecodable: the bytes are not UTF-8, UTF-16 with a byte order mark, or GB18030 text";
        return null;
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes) => encoding.GetString(bytes);

    // GB18030 maps nearly every byte sequence to some character, so a decode that succeeds still has to look
    // like writing: no control characters beyond line breaks and tabs.
    private static bool LooksLikeText(string text)
    {
        int controls = 0;
        foreach (char c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                controls++;
            }
        }
        return controls * 100 <= text.Length;
    }
}
