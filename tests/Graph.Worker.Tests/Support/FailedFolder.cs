namespace Graph.Worker.Tests.Support;

/// <summary>What the worker's failed folder holds: each refused file at its relative path, its reason beside it.</summary>
internal static class FailedFolder
{
    /// <summary>The reason file beside a refused file: <c>memo.txt</c> has <c>memo.txt.error.txt</c>.</summary>
    public static string ReasonFile(string failedFile)
    {
        string reason = failedFile + ".error.txt";
        Assert.True(File.Exists(reason),
            $"no {Path.GetFileName(reason)} beside {failedFile}; the folder holds {Listing(Path.GetDirectoryName(failedFile)!)}");
        return reason;
    }

    /// <summary>
    /// Asserts that <paramref name="failed"/> holds exactly the files of <paramref name="expected"/> (relative path →
    /// words of which the reason must contain at least one, ignoring case) and their reason files, nothing else.
    /// </summary>
    public static void AssertHolds(string failed, IReadOnlyDictionary<string, string[]> expected, WorkerProcess? worker = null)
    {
        var reasons = new List<string>();
        foreach (var (relative, words) in expected)
        {
            string file = Path.Combine(failed, relative);
            if (!File.Exists(file))
            {
                string message = $"{relative} is not in the failed folder {failed}, which holds: {Listing(failed)}";
                throw new Xunit.Sdk.XunitException(worker is null ? message : worker.Diagnostics(message));
            }
            string reasonFile = ReasonFile(file);
            reasons.Add(reasonFile);
            string reason = File.ReadAllText(reasonFile);
            Assert.True(words.Any(w => reason.Contains(w, StringComparison.OrdinalIgnoreCase)),
                $"the reason given for {relative} names none of [{string.Join(", ", words)}]: \"{reason.Trim()}\"");
        }
        var allowed = expected.Keys.Select(k => Path.GetFullPath(Path.Combine(failed, k))).Concat(reasons.Select(Path.GetFullPath)).ToHashSet(StringComparer.Ordinal);
        var extra = Directory.Exists(failed)
            ? Directory.EnumerateFiles(failed, "*", SearchOption.AllDirectories).Where(f => !allowed.Contains(Path.GetFullPath(f))).ToList()
            : [];
        Assert.True(extra.Count == 0, $"the failed folder holds files that should not have failed: {string.Join(", ", extra.Select(f => Path.GetRelativePath(failed, f)))}");
    }

    public static string Listing(string folder) => Directory.Exists(folder)
        ? "[" + string.Join(", ", Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)) + "]"
        : "(no such folder)";
}
