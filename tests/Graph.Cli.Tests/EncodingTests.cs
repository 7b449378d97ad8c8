using System.Text;
using Graph.Cli.Tests.Support;

namespace Graph.Cli.Tests;

/// <summary>
/// Chinese resolutions arrive as UTF-8, UTF-16 and GB18030. Whatever the bytes, the same text must yield the
/// same references at the same offsets (offsets count UTF-16 code units of the decoded text, never the BOM).
/// </summary>
public sealed class EncodingTests
{
    private const string ChineseSeed = "000_59d55c22d464376a.txt";

    static EncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string> Encodings() => new("utf-16le-bom", "utf-16be-bom", "utf-8-bom", "gb18030");

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "gb18030" => Encoding.GetEncoding(54936).GetBytes(text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task The_Chinese_seed_yields_the_same_references_in_every_encoding(string encoding)
    {
        using var temp = new TempFolder();
        byte[] utf8 = File.ReadAllBytes(Repository.Path("seeds", ChineseSeed));
        string text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(utf8);
        temp.Write("utf-8.txt", utf8);
        byte[] encoded = Encode(text, encoding);
        Assert.NotEqual(utf8, encoded);
        temp.Write($"{encoding}.txt", encoded);

        var result = await GraphCli.RunAsync(temp.Root, "extract", "--format", "jsonl", "utf-8.txt", $"{encoding}.txt");

        Assert.True(result.ExitCode == 0, result.ToString());
        var documents = Output.Lines(result);
        Assert.Equal(2, documents.Count);
        var expected = Output.ReferenceLines(documents[0]);
        Assert.Contains(expected, l => l.StartsWith("resolution A/RES/66/69 ", StringComparison.Ordinal));
        Assert.Equal(expected, Output.ReferenceLines(documents[1]));
        foreach (string field in new[] { "language", "symbol", "title", "committee" })
        {
            Assert.Equal((string?)documents[0][field], (string?)documents[1][field]);
        }
    }
}
