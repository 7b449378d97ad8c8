using System.Text;
using System.Text.RegularExpressions;
using Graph.Extraction.Header;
using Graph.Tests.Support;

namespace Graph.Tests.Extraction.Header;

/// <summary>
/// The symbol line is looked for only on the lines of the head that hold <c>/RES/</c>, for speed; that must find
/// exactly what the regex finds on the whole head: the same line, the same symbol.
/// </summary>
public sealed class DocumentHeaderRecogniserTests
{
    private static string Describe(Match m) => m.Success ? $"{m.Index}+{m.Length} {m.Groups["symbol"].Value}" : "none";

    private static string WholeHead(string original) =>
        Describe(DocumentHeaderRecogniser.SymbolLine().Match(original.Length > DocumentHeaderRecogniser.HeaderLength
            ? original[..DocumentHeaderRecogniser.HeaderLength] : original));

    [Fact]
    public void The_symbol_line_of_every_seed_and_sample_text_is_the_one_the_regex_finds_in_the_whole_head()
    {
        var files = Directory.EnumerateFiles(Repository.Path("seeds"), "*.txt")
            .Concat(Directory.EnumerateFiles(Repository.Path("tests", "Graph.Pdf.Tests", "Golden"), "*.txt"))
            .ToList();
        int found = 0;
        foreach (string path in files)
        {
            string text = File.ReadAllText(path);
            string expected = WholeHead(text);
            Assert.Equal(expected, Describe(DocumentHeaderRecogniser.FirstSymbolLine(text)));
            found += expected == "none" ? 0 : 1;
        }
        Assert.True(found >= 10, $"the seeds and sample texts should show their symbols; {found} of {files.Count} did");
    }

    [Fact]
    public void The_symbol_line_of_random_heads_is_the_one_the_regex_finds_in_the_whole_head()
    {
        // Symbols alone, after short and long prefixes, followed by text, a carriage return or spaces; digits before
        // them; lines long enough to push a symbol past the head's end.
        string[] pieces =
        [
            "A/RES/75/62", "S/RES/1325 (2000)", "S/RES/1325(2000)", "A/RES/ES-10/21", "A/RES/68/72B", "/RES/", "A/RES/", "xA/RES/1/1",
            "联 合 国", "United Nations", "General Assembly", "Distr.: General", "9", " ", "   ", "\t", "\u3000", "\r", "\n", "\n", "\n",
            "Recalling its resolution 66/69", new string('x', 61), new string('y', 59), new string('z', 1500), ".", "/",
        ];
        var random = new Random(2026);
        int found = 0;
        for (int round = 0; round < 3000; round++)
        {
            var text = new StringBuilder();
            int count = random.Next(0, 30);
            for (int i = 0; i < count; i++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }
            string s = text.ToString();
            string expected = WholeHead(s);
            Assert.Equal(expected, Describe(DocumentHeaderRecogniser.FirstSymbolLine(s)));
            found += expected == "none" ? 0 : 1;
        }
        Assert.True(found > 300, $"random heads should often hold a symbol line; {found} did");
    }
}
