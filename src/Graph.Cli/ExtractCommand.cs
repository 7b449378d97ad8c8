using System.Text.Json;
using Graph.Extraction;
using Graph.Model;
using Graph.Text;

namespace Graph.Cli;

/// <summary>
/// <c>extract</c>: reads each file, extracts its references and prints them. A file that cannot be read is
/// reported in the output and on stderr and the others are still processed; the exit code is then 1.
/// </summary>
internal static class ExtractCommand
{
    public static int Run(string[] args, Stream stdout, TextWriter stderr)
    {
        string format = "json";
        var paths = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--format")
            {
                if (i + 1 >= args.Length || args[i + 1] is not ("json" or "jsonl"))
                {
                    return Usage.Fail("--format takes json or jsonl");
                }
                format = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return Usage.Fail($"unknown option '{args[i]}' for extract");
            }
            else
            {
                paths.Add(args[i]);
            }
        }
        if (paths.Count == 0)
        {
            return Usage.Fail("extract needs at least one file or folder");
        }

        var files = DocumentFiles.Expand(paths, out var missing);
        bool lines = format == "jsonl";
        int failures = 0;
        using var writer = new Utf8JsonWriter(stdout, ExtractionJson.WriterOptions(indented: !lines));
        if (!lines)
        {
            writer.WriteStartArray();
        }
        foreach (string path in missing)
        {
            failures++;
            Report(writer, stdout, lines, stderr, path.Replace('\\', '/'), "no such file or folder");
        }
        foreach (var file in files)
        {
            string? error;
            string? text;
            try
            {
                text = TextDecoder.TryDecode(File.ReadAllBytes(file.FullPath), out error);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                text = null;
                error = $"cannot read the file: {e.Message}";
            }
            if (text is null)
            {
                failures++;
                Report(writer, stdout, lines, stderr, file.Name, error!);
                continue;
            }
            ExtractionJson.Write(writer, Extractor.Default.Extract(text, file.Name));
            EndRecord(writer, stdout, lines);
        }
        if (!lines)
        {
            writer.WriteEndArray();
            writer.Flush();
            stdout.WriteByte((byte)'\n');
        }
        stdout.Flush();
        return failures == 0 ? 0 : 1;
    }

    private static void Report(Utf8JsonWriter writer, Stream stdout, bool lines, TextWriter stderr, string file, string error)
    {
        stderr.WriteLine($"graph: {file}: {error}");
        ExtractionJson.WriteError(writer, file, error);
        EndRecord(writer, stdout, lines);
    }

    // JSON Lines streams: each object is flushed with its newline as soon as its file is done.
    private static void EndRecord(Utf8JsonWriter writer, Stream stdout, bool lines)
    {
        writer.Flush();
        if (lines)
        {
            stdout.WriteByte((byte)'\n');
            writer.Reset();
        }
    }
}
