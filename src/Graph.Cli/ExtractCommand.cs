using System.Buffers;
using System.Text;
using System.Text.Json;
using Graph.Model;
using Graph.Pdf;
using Graph.Text;

namespace Graph.Cli;

/// <summary>
/// <c>extract</c>: reads each file, extracts its references and prints them. A file that cannot be read is
/// reported in the output and on stderr and the others are still processed; the exit code is then 1. Files are
/// read and extracted on <c>--parallel</c> threads (all cores by default) and printed in the order they were
/// listed, so the output is the same whatever the parallelism. With <c>--text</c> it prints the text the extractor
/// reads instead (for a PDF, the text rebuilt from its layout), the text every <c>start</c> and <c>length</c> counts in.
/// </summary>
internal static class ExtractCommand
{
    public static int Run(string[] args, Stream stdout, TextWriter stderr)
    {
        string? format = null;
        bool text = false;
        int parallel = Environment.ProcessorCount;
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
            else if (args[i] == "--text")
            {
                text = true;
            }
            else if (args[i] == "--parallel")
            {
                if (i + 1 >= args.Length || Usage.Parallelism(args[i + 1]) is not { } n)
                {
                    return Usage.Fail(Usage.ParallelismExpected);
                }
                parallel = n;
                i++;
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
        if (text && format is not null)
        {
            return Usage.Fail("--text prints text, not JSON: leave out --format");
        }

        var files = DocumentFiles.Expand(paths, out var missing);
        if (text)
        {
            return PrintTexts(files, missing, parallel, stdout, stderr);
        }
        bool lines = format == "jsonl";
        int failures = 0;
        // Records are written whole into a buffer, which reaches stdout when it fills, or when the next document is
        // not ready yet and a tenth of a second has passed since the last write: a pipe sees each JSON line soon after
        // it is done, without a write per line (a write to a pipe or terminal costs as much as a small document).
        using var output = new BufferedStream(stdout, 1 << 16);
        var sinceFlush = System.Diagnostics.Stopwatch.StartNew();
        void FlushIfDue()
        {
            if (sinceFlush.ElapsedMilliseconds >= 100)
            {
                output.Flush();
                sinceFlush.Restart();
            }
        }
        using var writer = new Utf8JsonWriter(output, ExtractionJson.WriterOptions(indented: !lines));
        if (!lines)
        {
            writer.WriteStartArray();
        }
        foreach (string path in missing)
        {
            failures++;
            Report(writer, output, lines, stderr, path.Replace('\\', '/'), "no such file or folder");
        }
        using var done = OrderedParallel.Select(files, parallel, file => Extract(file, lines), waiting: FlushIfDue).GetEnumerator();
        while (done.MoveNext())
        {
            var (name, document, json, error) = done.Current;
            if (error is not null)
            {
                failures++;
                Report(writer, output, lines, stderr, name, error);
                continue;
            }
            if (json is not null)
            {
                output.Write(json);
                output.WriteByte((byte)'\n');
            }
            else
            {
                ExtractionJson.Write(writer, document!);
                EndRecord(writer, output, lines);
            }
        }
        if (!lines)
        {
            writer.WriteEndArray();
            writer.Flush();
            output.WriteByte((byte)'\n');
        }
        output.Flush();
        return failures == 0 ? 0 : 1;
    }

    /// <summary>
    /// <c>--text</c>: each file's text as the extractor reads it, in file order; with more than one file each is
    /// headed by <c>==&gt; name &lt;==</c> (as <c>head</c> and <c>tail</c> head theirs) and followed by an empty line.
    /// </summary>
    private static int PrintTexts(List<DocumentFile> files, List<string> missing, int parallel, Stream stdout, TextWriter stderr)
    {
        int failures = 0;
        foreach (string path in missing)
        {
            failures++;
            stderr.WriteLine($"graph: {path.Replace('\\', '/')}: no such file or folder");
        }
        bool headed = files.Count + missing.Count > 1;
        using var output = new StreamWriter(stdout, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        foreach (var (name, text, error) in OrderedParallel.Select(files, parallel, ReadText, waiting: output.Flush))
        {
            if (text is null)
            {
                failures++;
                output.Flush();
                stderr.WriteLine($"graph: {name}: {error}");
                continue;
            }
            if (headed)
            {
                output.Write($"==> {name} <==\n");
            }
            output.Write(text);
            if (headed)
            {
                output.Write(text.EndsWith('\n') ? "\n" : "\n\n");
            }
        }
        output.Flush();
        return failures == 0 ? 0 : 1;
    }

    private static (string Name, string? Text, string? Error) ReadText(DocumentFile file)
    {
        if (FileBytes.TryRead(file, out string? error) is not { } bytes)
        {
            return (file.Name, null, error);
        }
        var document = DocumentFileReader.TryRead(bytes, file.Name, out error);
        return (file.Name, document?.Text, error);
    }

    /// <summary>
    /// Reads and extracts one file on a worker thread. For JSON Lines the record is also written there, as UTF-8
    /// bytes, so only copying it out is left to the one thread that prints.
    /// </summary>
    private static (string Name, ExtractedDocument? Document, byte[]? Json, string? Error) Extract(DocumentFile file, bool lines)
    {
        if (FileBytes.TryRead(file, out string? error) is not { } bytes
            || DocumentFileReader.TryExtract(bytes, file.Name, out error) is not { } document)
        {
            return (file.Name, null, null, error);
        }
        if (!lines)
        {
            return (file.Name, document, null, null);
        }
        var buffer = new ArrayBufferWriter<byte>(bytes.Length);
        using (var json = new Utf8JsonWriter(buffer, ExtractionJson.WriterOptions(indented: false)))
        {
            ExtractionJson.Write(json, document);
        }
        return (file.Name, null, buffer.WrittenSpan.ToArray(), null);
    }

    private static void Report(Utf8JsonWriter writer, Stream output, bool lines, TextWriter stderr, string file, string error)
    {
        stderr.WriteLine($"graph: {file}: {error}");
        ExtractionJson.WriteError(writer, file, error);
        EndRecord(writer, output, lines);
    }

    private static void EndRecord(Utf8JsonWriter writer, Stream output, bool lines)
    {
        writer.Flush();
        if (lines)
        {
            output.WriteByte((byte)'\n');
            writer.Reset();
        }
    }
}
