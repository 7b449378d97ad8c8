namespace Graph.Tests.Shared;

/// <summary>Finds files of the repository (the seeds, the sample PDFs) from wherever the tests run.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The seed files, in ordinal order of their names.</summary>
    public static IReadOnlyList<string> SeedNames { get; } =
        [.. Directory.EnumerateFiles(Path("seeds"), "*.txt").Select(System.IO.Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>A real UN resolution PDF of the PDF reader's test data: <c>A_RES_78_48</c> is <c>tests/Graph.Pdf.Tests/Samples/A_RES_78_48.pdf</c>.</summary>
    public static string SamplePdf(string name) => Path("tests", "Graph.Pdf.Tests", "Samples", name + ".pdf");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Graph.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Graph.sln not found above {AppContext.BaseDirectory}");
    }
}
