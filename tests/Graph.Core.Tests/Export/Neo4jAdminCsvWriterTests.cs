using System.Diagnostics;
using System.Text.Json;
using Graph.Export;

namespace Graph.Tests.Export;

public sealed class Neo4jAdminCsvWriterTests
{
    private const char ArrayDelimiter = '\u001F';

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ExportResult> ExportAsync(TempDirectory dir) =>
        await GraphExport.WriteAsync(SampleGraph.Store(), "neo4j-admin", dir.Path, Ct);

    private static async Task<List<List<CsvField>>> ReadAsync(TempDirectory dir, string name)
    {
        var records = CsvRecords.Read(await File.ReadAllTextAsync(dir.File(name), Ct));
        Assert.All(records, r => Assert.Equal(records[0].Count, r.Count));
        return records;
    }

    private static string Header(List<List<CsvField>> records) => string.Join(',', records[0].Select(f => f.Text));

    /// <summary>
    /// The row whose first field is <paramref name="id"/> (and second <paramref name="end"/>, if given), by column
    /// name; an empty unquoted field is null.
    /// </summary>
    private static Dictionary<string, string?> Row(List<List<CsvField>> records, string id, string? end = null)
    {
        var row = Assert.Single(records.Skip(1), r => r[0].Text == id && (end is null || r[1].Text == end));
        // Every value the writer emits is quoted; only an absent property is an empty unquoted field.
        Assert.All(row, f => Assert.True(f.Quoted || f.Text.Length == 0));
        return records[0].Zip(row).ToDictionary(p => p.First.Text, p => p.Second.Quoted ? p.Second.Text : null);
    }

    [Fact]
    public async Task Each_label_and_type_gets_a_file_with_the_import_tools_header()
    {
        using var dir = new TempDirectory();
        var result = await ExportAsync(dir);

        Assert.Equal(
            ["nodes-Resolution.csv", "nodes-Document.csv", "nodes-Treaty.csv", "relationships-OF_COMMITTEE.csv", "relationships-RECALLS.csv", "import.sh"],
            result.Files.Select(Path.GetFileName));
        Assert.Equal(dir.Path, Path.GetDirectoryName(result.Files[0]));
        Assert.Equal((4, 3, 1), (result.Nodes, result.Edges, result.SkippedEdges));
        Assert.Equal(
            "id:ID,name,ingested:boolean,adopted:boolean,date,files:string[],note,number:long,title_en,title_zh,:LABEL",
            Header(await ReadAsync(dir, "nodes-Resolution.csv")));
        Assert.Equal("id:ID,name,ingested:boolean,languages:string[],url,:LABEL", Header(await ReadAsync(dir, "nodes-Document.csv")));
        Assert.Equal("id:ID,name,ingested:boolean,protocol:boolean,year:long,:LABEL", Header(await ReadAsync(dir, "nodes-Treaty.csv")));
        foreach (string type in new[] { "RECALLS", "OF_COMMITTEE" })
        {
            Assert.Equal(
                ":START_ID,:END_ID,:TYPE,count:long,languages:string[],surfaces:string[],pinpoints:string[],evidence:string[]",
                Header(await ReadAsync(dir, $"relationships-{type}.csv")));
        }
        Assert.Empty(Directory.GetFiles(dir.Path).Except(result.Files));
    }

    [Fact]
    public async Task Hostile_text_survives_quoting_and_arrays_split_only_at_the_delimiter()
    {
        using var dir = new TempDirectory();
        await ExportAsync(dir);

        var resolution = Row(await ReadAsync(dir, "nodes-Resolution.csv"), "A/RES/68/72");
        Assert.Equal(Hostile.Quotes, resolution["name"]);
        Assert.Equal("true", resolution["ingested:boolean"]);
        Assert.Equal("true", resolution["adopted:boolean"]);
        Assert.Equal("72", resolution["number:long"]);
        Assert.Equal(Hostile.Breaks + " " + Hostile.Markup, resolution["title_en"]);
        Assert.Equal(Hostile.Chinese, resolution["title_zh"]);
        Assert.Equal(Hostile.Expected(Hostile.EscapesAsText + " " + Hostile.Astral + " " + Hostile.LoneSurrogate), resolution["note"]);
        Assert.Equal("Resolution", resolution[":LABEL"]);
        // The unit separator is the array delimiter, so one inside an element is replaced rather than splitting it.
        Assert.Equal(
            ["seeds/a;b.txt", Hostile.Separators.Replace(ArrayDelimiter, '\uFFFD'), Hostile.Controls],
            resolution["files:string[]"]!.Split(ArrayDelimiter));

        var document = Row(await ReadAsync(dir, "nodes-Document.csv"), SampleGraph.DocumentId);
        Assert.Equal((Hostile.Markup, "false"), (document["name"], document["ingested:boolean"]));
        Assert.Equal(["en", "zh"], document["languages:string[]"]!.Split(ArrayDelimiter));

        var treaties = await ReadAsync(dir, "nodes-Treaty.csv");
        var ccm = Row(treaties, "ccm");
        Assert.Equal("2008", ccm["year:long"]);
        Assert.Null(ccm["protocol:boolean"]);
        var ccw = Row(treaties, "ccw-p5");
        Assert.Equal(Hostile.Controls, ccw["name"]);
        Assert.Equal("false", ccw["protocol:boolean"]);
        Assert.Null(ccw["year:long"]);
    }

    [Fact]
    public async Task Relationship_rows_keep_each_evidence_json_whole()
    {
        using var dir = new TempDirectory();
        await ExportAsync(dir);

        var recalls = await ReadAsync(dir, "relationships-RECALLS.csv");
        Assert.Equal(3, recalls.Count);
        Assert.DoesNotContain(recalls, r => r[1].Text == SampleGraph.MissingId);
        var row = Row(recalls, "A/RES/68/72", SampleGraph.DocumentId);
        Assert.Equal((SampleGraph.DocumentId, "RECALLS", "3"), (row[":END_ID"], row[":TYPE"], row["count:long"]));
        Assert.Equal(["en", "zh"], row["languages:string[]"]!.Split(ArrayDelimiter));
        Assert.Equal([Hostile.Chinese, Hostile.Breaks], row["surfaces:string[]"]!.Split(ArrayDelimiter));
        Assert.Equal(["第96段", "para. 96; annex | I"], row["pinpoints:string[]"]!.Split(ArrayDelimiter));
        var evidence = row["evidence:string[]"]!.Split(ArrayDelimiter).Select(json => JsonDocument.Parse(json).RootElement).ToList();
        Assert.Equal(3, evidence.Count);
        Assert.Equal("seeds/A_RES_68_72 \"zh\";|.txt", evidence[0].GetProperty("file").GetString());
        Assert.Equal(Hostile.Breaks, evidence[1].GetProperty("surface").GetString());
        Assert.Equal(2, evidence[1].GetProperty("page").GetInt32());
        Assert.False(evidence[0].TryGetProperty("page", out _));

        var structural = Row(await ReadAsync(dir, "relationships-OF_COMMITTEE.csv"), SampleGraph.DocumentId);
        Assert.Equal(("ccw-p5", "1", "en"), (structural[":END_ID"], structural["count:long"], structural["languages:string[]"]));
        // No surfaces: an empty unquoted field, as the tool imports no empty arrays and "" would be one empty element.
        Assert.Null(structural["surfaces:string[]"]);
        Assert.Null(structural["pinpoints:string[]"]);
    }

    [Fact]
    public async Task The_command_replaces_the_stopped_database_and_names_every_file()
    {
        using var dir = new TempDirectory();
        var result = await ExportAsync(dir);

        string expected = "neo4j-admin database import full neo4j --overwrite-destination --multiline-fields=true --array-delimiter=U+001F "
            + string.Join(' ', result.Files.Where(f => f.EndsWith(".csv", StringComparison.Ordinal))
                .Select(f => (Path.GetFileName(f).StartsWith("nodes-", StringComparison.Ordinal) ? "--nodes=" : "--relationships=") + f));
        Assert.Equal(expected, result.Command);

        string script = await File.ReadAllTextAsync(dir.File("import.sh"), Ct);
        var lines = script.TrimEnd('\n').Split('\n');
        Assert.Equal("#!/bin/sh", lines[0]);
        Assert.Equal(result.Command, lines[^1]);
        string comments = string.Join('\n', lines.Where(l => l.StartsWith('#')));
        Assert.Contains("must be stopped", comments, StringComparison.Ordinal);
        Assert.Contains("REPLACES", comments, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(dir.File("import.sh")).HasFlag(UnixFileMode.UserExecute));
        }
    }

    [Fact]
    public async Task The_command_survives_a_directory_with_spaces_and_quotes_in_its_name()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh"))
        {
            Assert.Skip("needs a POSIX shell");
        }
        using var dir = new TempDirectory("it's a \"dir\" $HOME");
        var result = await ExportAsync(dir);

        // The shell splits the command into words; printf stands in for neo4j-admin and prints them.
        string exported = result.Command!;
        string command = "printf '%s\\n'" + exported[exported.IndexOf(' ', StringComparison.Ordinal)..];
        var shell = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", command]) { RedirectStandardOutput = true })!;
        string output = await shell.StandardOutput.ReadToEndAsync(Ct);
        await shell.WaitForExitAsync(Ct);

        var words = output.TrimEnd('\n').Split('\n');
        Assert.Equal(["database", "import", "full", "neo4j"], words[..4]);
        var files = words.Where(w => w.StartsWith("--nodes=", StringComparison.Ordinal) || w.StartsWith("--relationships=", StringComparison.Ordinal))
            .Select(w => w[(w.IndexOf('=', StringComparison.Ordinal) + 1)..])
            .ToList();
        Assert.Equal(result.Files.Take(5), files);
        Assert.All(files, f => Assert.True(File.Exists(f), f));
    }
}
