using System.Collections.Concurrent;

namespace Graph.Pdf.Tests.Support;

/// <summary>
/// A sample PDF of Samples/ and what a reader sees in it (counted from its glyphs and read against the pages, see
/// Samples/README.md): its pages, footnotes, operative paragraphs and the heading line with its title.
/// </summary>
internal sealed record Sample(string Name, int Pages, int Footnotes, int OperativeParagraphs, string Heading)
{
    public static IReadOnlyList<Sample> All { get; } =
    [
        new("A_RES_78_48", 4, 8, 18, "78/48. The Arms Trade Treaty"),
        new("A_RES_78_163", 12, 19, 60, "78/163. Follow-up to the Second United Nations Conference on Landlocked Developing Countries"),
        new("A_RES_78_236", 4, 1, 17, "78/236. Strengthening and promoting the international treaty framework"),
        new("A_RES_78_284", 6, 9, 15, "78/284. Central Asia’s unified resolve and cooperation to effectively address and counter drug-related challenges"),
        new("A_RES_78_330", 13, 15, 92, "78/330. Multilingualism"),
        new("A_RES_79_87", 10, 36, 49, "79/87. International cooperation in the peaceful uses of outer space"),
        new("A_RES_79_103", 5, 8, 13, "79/103. Question of the Cayman Islands"),
        new("A_RES_79_128", 3, 12, 7, "79/128. Protection of persons in the event of disasters"),
        new("A_RES_79_172", 11, 35, 48, "79/172. Human rights in the administration of justice"),
        new("A_RES_79_281", 3, 5, 19, "79/281. Joint Inspection Unit"),
    ];

    private static readonly ConcurrentDictionary<string, PdfDocumentText> Read = new(StringComparer.Ordinal);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var sample in All)
        {
            data.Add(sample.Name);
        }
        return data;
    }

    public static Sample Named(string name) => All.Single(s => s.Name == name);

    /// <summary>The symbol the sample's heading gives: <c>78/48.</c> is A/RES/78/48.</summary>
    public string Symbol => "A/RES/" + Heading[..Heading.IndexOf(". ", StringComparison.Ordinal)];

    public string PdfPath => Path.Combine(AppContext.BaseDirectory, "Samples", Name + ".pdf");

    public byte[] Bytes => File.ReadAllBytes(PdfPath);

    /// <summary>The sample read once per test run (reading is pure: every read gives the same text).</summary>
    public PdfDocumentText Text => Read.GetOrAdd(Name, _ => PdfText.TryRead(Bytes, out string? error) ?? throw new InvalidDataException(error));
}
