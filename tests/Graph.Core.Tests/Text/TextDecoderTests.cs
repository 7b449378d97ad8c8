using System.Text;
using Graph.Tests.Support;
using Graph.Text;

namespace Graph.Tests.Text;

/// <summary>
/// The decoder reads UTF-8, UTF-16 with a byte order mark and GB18030 strictly, and says why anything else is
/// not text instead of handing the extractor garbage.
/// </summary>
public sealed class TextDecoderTests
{
    private const string Chinese = "回顾其 2011年 12月 9日第 66/69号决议，又回顾《公约》𠀀\n";
    private const string ChineseSeed = "000_59d55c22d464376a.txt";

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Gb18030 => Encoding.GetEncoding(54936);

    [Fact]
    public void Plain_UTF8_is_decoded_as_it_is()
    {
        string? text = TextDecoder.TryDecode(Encoding.UTF8.GetBytes(Chinese), out string? error);

        Assert.Null(error);
        Assert.Equal(Chinese, text);
    }

    [Fact]
    public void Empty_bytes_are_an_empty_text()
    {
        string? text = TextDecoder.TryDecode([], out string? error);

        Assert.Null(error);
        Assert.Equal("", text);
    }

    public static TheoryData<string> UnicodeWithByteOrderMark() => new("utf-8", "utf-16le", "utf-16be");

    [Theory]
    [MemberData(nameof(UnicodeWithByteOrderMark))]
    public void A_byte_order_mark_selects_the_encoding_and_is_not_part_of_the_text(string encodingName)
    {
        var encoding = EncodingNamed(encodingName);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(Chinese)];

        string? text = TextDecoder.TryDecode(bytes, out string? error);

        Assert.Null(error);
        Assert.Equal(Chinese, text);
    }

    [Fact]
    public void GB18030_text_is_decoded_when_it_is_not_UTF8()
    {
        byte[] bytes = Gb18030.GetBytes(Chinese);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));

        string? text = TextDecoder.TryDecode(bytes, out string? error);

        Assert.Null(error);
        Assert.Equal(Chinese, text);
    }

    [Fact]
    public void The_Chinese_seed_reads_the_same_in_UTF8_UTF16_and_GB18030()
    {
        string original = File.ReadAllText(Repository.Path("seeds", ChineseSeed));
        Assert.Contains("第 66/69号决议", original);

        foreach (byte[] bytes in new[]
        {
            Encoding.UTF8.GetBytes(original),
            [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(original)],
            [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(original)],
            [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(original)],
            Gb18030.GetBytes(original),
        })
        {
            Assert.Equal(original, TextDecoder.TryDecode(bytes, out string? error));
            Assert.Null(error);
        }
    }

    [Fact]
    public void NUL_bytes_mark_a_file_as_binary()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("resolution 66/69"), 0, 1, 2, 0, .. Encoding.UTF8.GetBytes("more")];

        string? text = TextDecoder.TryDecode(bytes, out string? error);

        Assert.Null(text);
        Assert.NotNull(error);
        Assert.Contains("NUL", error);
    }

    [Fact]
    public void UTF16_without_a_byte_order_mark_is_not_mistaken_for_text()
    {
        // ASCII in UTF-16 is half NUL bytes; without a BOM the decoder cannot know the byte order.
        string? text = TextDecoder.TryDecode(Encoding.Unicode.GetBytes("resolution 66/69"), out string? error);

        Assert.Null(text);
        Assert.NotNull(error);
    }

    [Fact]
    public void Invalid_UTF8_that_is_not_GB18030_either_is_undecodable()
    {
        // 0xC3 0x28 is a broken UTF-8 sequence and no GB18030 lead/trail pair; 0x80 and 0xFF are never GB18030 lead bytes.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("resolution "), 0xC3, 0x28, 0x80, 0xFF, .. Encoding.ASCII.GetBytes(" 66/69")];

        string? text = TextDecoder.TryDecode(bytes, out string? error);

        Assert.Null(text);
        Assert.NotNull(error);
        Assert.Contains("undecodable", error);
    }

    [Fact]
    public void Bytes_that_decode_as_GB18030_but_are_mostly_control_characters_are_undecodable()
    {
        // Valid GB18030 (and invalid UTF-8) but nothing like writing: control bytes between two-byte characters.
        var bytes = new List<byte>();
        for (int i = 0; i < 200; i++)
        {
            bytes.AddRange(new byte[] { 0x81, 0x40, 0x01, 0x02, 0x1B, 0x07 });
        }
        Assert.NotNull(Gb18030.GetString([.. bytes]));

        string? text = TextDecoder.TryDecode(bytes.ToArray(), out string? error);

        Assert.Null(text);
        Assert.NotNull(error);
        Assert.Contains("undecodable", error);
    }

    [Fact]
    public void A_UTF8_byte_order_mark_followed_by_invalid_UTF8_is_reported_not_garbled()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.ASCII.GetBytes("resolution "), 0xC3, 0x28];

        string? text = TextDecoder.TryDecode(bytes, out string? error);

        Assert.Null(text);
        Assert.NotNull(error);
        Assert.Contains("byte order mark", error);
    }

    [Fact]
    public void A_UTF16_byte_order_mark_followed_by_a_lone_surrogate_is_reported_not_garbled()
    {
        // U+D800 with no low surrogate after it.
        byte[] bytes = [0xFF, 0xFE, (byte)'a', 0, 0x00, 0xD8, (byte)'b', 0];

        string? text = TextDecoder.TryDecode(bytes, out string? error);

        Assert.Null(text);
        Assert.NotNull(error);
    }

    private static Encoding EncodingNamed(string name) => name switch
    {
        "utf-8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
