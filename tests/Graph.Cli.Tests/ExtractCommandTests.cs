using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Cli.Tests.Support;

namespace Graph.Cli.Tests;

/// <summary><c>graph extract</c> run as a real process on the seeds and on files made for each case.</summary>
public sealed class ExtractCommandTests
{
    private static readonly string[] DocumentFields =
        ["file", "language", "symbol", "body", "title", "subjects", "adopted", "committee", "onReportOf", "references", "diagnostics"];

    private static readonly string[] ReferenceFields = ["kind", "id", "surface", "date", "start", "length", "pinpoint"];

    private static readonly byte[] Binary = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 1, 0];

    private static string Seed(string name) => File.ReadAllText(Repository.Path("seeds", name));

    private const string EnglishSeed = "002_1bb7a33e0cfe5e8b.txt";

    [Fact]
    public async Task Extract_prints_a_json_array_with_one_object_per_seed_in_ordinal_path_order()
    {
        var result = await GraphCli.RunAsync(Repository.Root, "extract", "seeds");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
        var documents = Output.Array(result);
        Assert.Equal(Repository.SeedNames.Select(n => $"seeds/{n}"), documents.Select(Output.File));
        foreach (var d in documents)
        {
            foreach (string field in DocumentFields)
            {
                Assert.True(d.ContainsKey(field), $"{Output.File(d)} has no \"{field}\"");
            }
            Assert.Contains((string?)d["language"], new[] { "zh", "en" });
            Assert.All((JsonArray)d["subjects"]!, s => Assert.Equal(JsonValueKind.String, s!.GetValueKind()));
            var adopted = Assert.IsType<JsonObject>(d["adopted"], exactMatch: true);
            Assert.True(adopted.ContainsKey("date") && adopted.ContainsKey("meeting"), $"{Output.File(d)}: adopted is {adopted.ToJsonString()}");
            Assert.IsType<JsonArray>(d["onReportOf"], exactMatch: true);
            Assert.IsType<JsonArray>(d["diagnostics"], exactMatch: true);
            var references = Assert.IsType<JsonArray>(d["references"], exactMatch: true);
            Assert.NotEmpty(references);
            foreach (var r in references.Cast<JsonObject>())
            {
                foreach (string field in ReferenceFields)
                {
                    Assert.True(r.ContainsKey(field), $"{Output.File(d)}: a reference has no \"{field}\": {r.ToJsonString()}");
                }
            }
        }
    }

    [Fact]
    public async Task The_document_fields_of_a_seed_are_filled_from_its_text()
    {
        var result = await GraphCli.RunAsync(Repository.Root, "extract", "seeds/000_59d55c22d464376a.txt");

        Assert.True(result.ExitCode == 0, result.ToString());
        var d = Assert.Single(Output.Array(result));
        Assert.Equal("seeds/000_59d55c22d464376a.txt", Output.File(d));
        Assert.Equal("zh", (string?)d["language"]);
        Assert.Equal("A/RES/68/72", (string?)d["symbol"]);
        Assert.Equal("GA", (string?)d["body"]);
        Assert.Equal("2013-12-11", (string?)d["adopted"]!["date"]);
        Assert.Equal("A/C.4", (string?)d["committee"]);
        Assert.Equal(["A/68/421"], ((JsonArray)d["onReportOf"]!).Select(n => (string?)n));
        Assert.Contains(Output.ReferenceLines(d), line => line.StartsWith("resolution A/RES/66/69 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_reference_surface_is_the_original_file_text_at_its_span()
    {
        var result = await GraphCli.RunAsync(Repository.Root, "extract", "seeds");

        Assert.True(result.ExitCode == 0, result.ToString());
        int checkedReferences = 0;
        foreach (var d in Output.Array(result))
        {
            string text = File.ReadAllText(Repository.Path(Output.File(d)));
            foreach (var r in ((JsonArray)d["references"]!).Cast<JsonObject>())
            {
                int start = (int)r["start"]!;
                int length = (int)r["length"]!;
                Assert.InRange(start, 0, text.Length - 1);
                Assert.InRange(length, 1, text.Length - start);
                Assert.Equal(text.Substring(start, length), (string?)r["surface"]);
                checkedReferences++;
            }
        }
        Assert.True(checkedReferences >= Repository.SeedNames.Count * 3, $"only {checkedReferences} references on the seeds");
    }

    [Fact]
    public async Task Jsonl_prints_one_object_a_line_with_the_same_content_as_json()
    {
        var json = await GraphCli.RunAsync(Repository.Root, "extract", "seeds");
        var jsonl = await GraphCli.RunAsync(Repository.Root, "extract", "--format", "jsonl", "seeds");

        Assert.True(jsonl.ExitCode == 0, jsonl.ToString());
        string[] lines = jsonl.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(Repository.SeedNames.Count, lines.Length);
        var fromJson = Output.Array(json);
        var fromLines = Output.Lines(jsonl);
        Assert.Equal(fromJson.Count, fromLines.Count);
        for (int i = 0; i < fromJson.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(fromJson[i], fromLines[i]), $"line {i + 1} differs:\n{lines[i]}\nfrom the array's\n{fromJson[i].ToJsonString()}");
        }
    }

    [Fact]
    public async Task Json_format_can_be_asked_for_explicitly_and_after_the_paths()
    {
        var implicitJson = await GraphCli.RunAsync(Repository.Root, "extract", "seeds");
        var explicitJson = await GraphCli.RunAsync(Repository.Root, "extract", "seeds", "--format", "json");

        Assert.True(explicitJson.ExitCode == 0, explicitJson.ToString());
        Assert.Equal(implicitJson.Stdout, explicitJson.Stdout);
    }

    [Fact]
    public async Task Folders_are_walked_recursively_for_txt_and_pdf_files_only_in_ordinal_path_order()
    {
        using var temp = new TempFolder();
        string english = Seed(EnglishSeed);
        temp.Write("docs/b.txt", english);
        temp.Write("docs/a/z.txt", "Recalling its resolution 66/69 of 9 December 2011,");
        temp.Write("docs/a/b/c.txt", "回顾其 2011年 12月 9日第 66/69号决议");
        temp.Write("docs/a-x.txt", "decision 58/519");
        temp.Write("docs/a/A_RES_78_48.PDF", File.ReadAllBytes(Repository.SamplePdf("A_RES_78_48")));
        temp.Write("docs/a/b/data.bin", Binary);
        temp.Write("docs/a/readme.md", "Recalling its resolution 70/1");
        temp.Write("docs/b.txt.bak", Binary);
        Directory.CreateDirectory(temp.Path("docs/empty/folder.txt"));

        var result = await GraphCli.RunAsync(temp.Root, "extract", "docs");
        var withSlash = await GraphCli.RunAsync(temp.Root, "extract", "docs/");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
        var documents = Output.Array(result);
        // Ordinal: '-' (0x2D) sorts before '/' (0x2F), so a-x.txt comes before the files inside a/.
        Assert.Equal(["docs/a-x.txt", "docs/a/A_RES_78_48.PDF", "docs/a/b/c.txt", "docs/a/z.txt", "docs/b.txt"], documents.Select(Output.File));
        Assert.Equal("A/RES/78/48", (string?)Output.For(documents, "docs/a/A_RES_78_48.PDF")["symbol"]);
        Assert.Contains(Output.ReferenceLines(Output.For(documents, "docs/a/b/c.txt")), l => l.StartsWith("resolution A/RES/66/69 ", StringComparison.Ordinal));
        Assert.Contains(Output.ReferenceLines(Output.For(documents, "docs/a-x.txt")), l => l.StartsWith("decision A/DEC/58/519 ", StringComparison.Ordinal));
        Assert.Equal(result.Stdout, withSlash.Stdout);
    }

    [Fact]
    public async Task A_linked_folder_that_loops_back_is_not_walked_round()
    {
        using var temp = new TempFolder();
        temp.Write("docs/sub/a.txt", "Recalling its resolution 66/69 of 9 December 2011,");
        Directory.CreateSymbolicLink(temp.Path("docs/sub/up"), "..");
        Directory.CreateSymbolicLink(temp.Path("docs/sub/again"), "..");

        var result = await GraphCli.RunAsync(temp.Root, "extract", "--format", "jsonl", "docs");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["docs/sub/a.txt"], Output.Lines(result).Select(Output.File));
    }

    [Fact]
    public async Task A_file_given_directly_is_read_whatever_its_extension()
    {
        using var temp = new TempFolder();
        byte[] seed = File.ReadAllBytes(Repository.Path("seeds", EnglishSeed));
        temp.Write("resolution.md", seed);
        temp.Write("resolution", seed);
        temp.Write("seed.txt", seed);

        var result = await GraphCli.RunAsync(temp.Root, "extract", "resolution.md", "resolution", "seed.txt");

        Assert.True(result.ExitCode == 0, result.ToString());
        var documents = Output.Array(result);
        Assert.Equal(["resolution.md", "resolution", "seed.txt"], documents.Select(Output.File));
        var expected = Output.ReferenceLines(documents[2]);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Output.ReferenceLines(documents[0]));
        Assert.Equal(expected, Output.ReferenceLines(documents[1]));
    }

    [Fact]
    public async Task A_missing_path_is_reported_and_the_others_are_still_extracted()
    {
        using var temp = new TempFolder();
        temp.Write("good.txt", Seed(EnglishSeed));

        var result = await GraphCli.RunAsync(temp.Root, "extract", "missing.txt", "good.txt", "gone/");

        Assert.True(result.ExitCode == 1, result.ToString());
        var documents = Output.Array(result);
        Assert.Equal(3, documents.Count);
        foreach (string missing in new[] { "missing.txt", "gone/" })
        {
            var error = Output.For(documents, missing);
            Assert.Equal(["file", "error"], error.Select(p => p.Key));
            Assert.False(string.IsNullOrWhiteSpace((string?)error["error"]));
            Assert.Contains(result.Stderr.Split('\n'), line => line.Contains(missing, StringComparison.Ordinal));
        }
        Assert.NotEmpty(Output.ReferenceLines(Output.For(documents, "good.txt")));
    }

    public static TheoryData<string, byte[]> Unreadable() => new()
    {
        { "NUL bytes", Binary },
        { "neither UTF-8 nor GB18030", [.. Encoding.ASCII.GetBytes("resolution "), 0xC3, 0x28, 0x80, 0xFF, 0xFF] },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task A_binary_file_is_reported_and_the_others_are_still_extracted(string what, byte[] bytes)
    {
        using var temp = new TempFolder();
        temp.Write("docs/a.txt", "Recalling its resolution 66/69 of 9 December 2011,");
        temp.Write("docs/b.txt", bytes);
        temp.Write("docs/c.txt", "回顾其 2011年 12月 9日第 66/69号决议");
        temp.Write("image.png", bytes);

        var result = await GraphCli.RunAsync(temp.Root, "extract", "--format", "jsonl", "docs", "image.png");

        Assert.True(result.ExitCode == 1, $"{what}: {result}");
        var documents = Output.Lines(result);
        Assert.Equal(["docs/a.txt", "docs/b.txt", "docs/c.txt", "image.png"], documents.Select(Output.File));
        foreach (var unreadable in new[] { documents[1], documents[3] })
        {
            Assert.Equal(["file", "error"], unreadable.Select(p => p.Key));
            Assert.False(string.IsNullOrWhiteSpace((string?)unreadable["error"]));
            string file = Output.File(unreadable);
            Assert.Contains(result.Stderr.Split('\n'), line => line.Contains(file, StringComparison.Ordinal));
        }
        Assert.DoesNotContain(result.Stderr.Split('\n'), line => line.Contains("a.txt", StringComparison.Ordinal) || line.Contains("c.txt", StringComparison.Ordinal));
        Assert.Contains(Output.ReferenceLines(documents[0]), l => l.StartsWith("resolution A/RES/66/69 ", StringComparison.Ordinal));
        Assert.Contains(Output.ReferenceLines(documents[2]), l => l.StartsWith("resolution A/RES/66/69 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_file_is_a_document_without_references()
    {
        using var temp = new TempFolder();
        temp.Write("empty.txt", "");

        var result = await GraphCli.RunAsync(temp.Root, "extract", "empty.txt");

        Assert.True(result.ExitCode == 0, result.ToString());
        var d = Assert.Single(Output.Array(result));
        Assert.Empty((JsonArray)d["references"]!);
    }

    [Fact]
    public async Task A_folder_without_text_or_PDF_files_prints_an_empty_array()
    {
        using var temp = new TempFolder();
        temp.Write("docs/report.docx", Binary);

        var result = await GraphCli.RunAsync(temp.Root, "extract", "docs");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(Output.Array(result));
    }
}
