using System.Text;

namespace Graph.Worker.Tests.Support;

/// <summary>
/// The worker's graph against the reference: <c>graph build</c> of a copy of the inbox (everything but the failed
/// folder) under the same relative path, so every file is named as the worker named it, into a fresh SQLite file;
/// then <c>graph export --format jsonl</c> of both, compared byte for byte.
/// </summary>
internal static class GraphComparison
{
    /// <summary>
    /// Fails with the lines only one side has unless the worker's store (<paramref name="store"/>, as the worker
    /// was given it, relative to <paramref name="workingDirectory"/>) holds exactly the graph a clean build of the
    /// inbox's files gives; returns the export (JSON Lines) for further checks.
    /// </summary>
    public static async Task<string> AssertSameAsCleanBuildAsync(
        string workingDirectory, string inbox = "inbox", string store = "sqlite:worker.db", string failed = "inbox/failed", WorkerProcess? worker = null)
    {
        using var mirror = new TempFolder();
        string source = Path.GetFullPath(Path.Combine(workingDirectory, inbox));
        string failedFull = Path.GetFullPath(Path.Combine(workingDirectory, failed)) + Path.DirectorySeparatorChar;
        int copied = 0;
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)))
        {
            if (file.StartsWith(failedFull, StringComparison.Ordinal))
            {
                continue;
            }
            string target = Path.Combine(mirror.Root, inbox, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            copied++;
        }

        var build = await GraphCli.RunAsync(mirror.Root, "build", inbox, "--store", "sqlite:clean.db");
        Assert.True(build.ExitCode == 0, $"graph build of the {copied} files left in the inbox failed, so the inbox holds a file that should have gone to failed/:\n{build}");
        var cleanExport = await GraphCli.RunAsync(mirror.Root, "export", "--format", "jsonl", "--out", "clean", "--store", "sqlite:clean.db");
        Assert.True(cleanExport.ExitCode == 0, cleanExport.ToString());
        var workerExport = await GraphCli.RunAsync(workingDirectory, "export", "--format", "jsonl", "--out", mirror.Path("worker"), "--store", store);
        Assert.True(workerExport.ExitCode == 0, $"graph export of the worker's store {store} failed:\n{workerExport}");

        byte[] expected = File.ReadAllBytes(mirror.Path(Path.Combine("clean", "graph.jsonl")));
        byte[] actual = File.ReadAllBytes(mirror.Path(Path.Combine("worker", "graph.jsonl")));
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            string diff = Diff(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
            string message = $"the worker's graph ({store}) differs from graph build of the same {copied} files:\n{diff}";
            throw new Xunit.Sdk.XunitException(worker is null ? message : worker.Diagnostics(message));
        }
        return Encoding.UTF8.GetString(actual);
    }

    /// <summary>The lines only one export has (the first few of each), and where the two first part.</summary>
    private static string Diff(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        var onlyExpected = e.Except(a, StringComparer.Ordinal).ToList();
        var onlyActual = a.Except(e, StringComparer.Ordinal).ToList();
        int first = 0;
        while (first < e.Length && first < a.Length && e[first] == a[first])
        {
            first++;
        }
        var text = new StringBuilder()
            .AppendLine($"clean build: {e.Length} lines, worker: {a.Length} lines; first difference at line {first + 1}")
            .AppendLine($"--- only in the clean build ({onlyExpected.Count}) ---");
        foreach (string line in onlyExpected.Take(20))
        {
            text.AppendLine("- " + Shorten(line));
        }
        text.AppendLine($"+++ only in the worker's store ({onlyActual.Count}) +++");
        foreach (string line in onlyActual.Take(20))
        {
            text.AppendLine("+ " + Shorten(line));
        }
        if (onlyExpected.Count == 0 && onlyActual.Count == 0)
        {
            text.AppendLine("(the same lines in another order, or repeated)");
        }
        return text.ToString();
    }

    private static string Shorten(string line) => line.Length <= 600 ? line : line[..600] + "…";
}
