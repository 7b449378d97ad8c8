namespace Graph.Text;

/// <summary>A document file to read: the name to report it under and where it is.</summary>
/// <param name="Name">The path as the user gave it (folders joined with <c>/</c>), used in output.</param>
/// <param name="FullPath">The absolute path.</param>
public sealed record DocumentFile(string Name, string FullPath);

/// <summary>
/// Expands the paths a user names into document files, in a stable order: files as given, folders walked
/// recursively for the extensions that are read, sorted by ordinal path so every run lists them alike.
/// </summary>
public static class DocumentFiles
{
    /// <summary>The file extensions read when a folder is walked.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".txt"];

    /// <summary>Expands <paramref name="paths"/>; a path that does not exist comes back in <paramref name="missing"/>.</summary>
    public static List<DocumentFile> Expand(IEnumerable<string> paths, out List<string> missing)
    {
        ArgumentNullException.ThrowIfNull(paths);
        missing = [];
        var files = new List<DocumentFile>();
        foreach (string path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(new DocumentFile(path.Replace('\\', '/'), Path.GetFullPath(path)));
            }
            else if (Directory.Exists(path))
            {
                string root = Path.GetFullPath(path);
                var found = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Select(f => (Relative: Path.GetRelativePath(root, f).Replace('\\', '/'), Full: f))
                    .OrderBy(f => f.Relative, StringComparer.Ordinal);
                string prefix = path.Replace('\\', '/').TrimEnd('/');
                files.AddRange(found.Select(f => new DocumentFile($"{prefix}/{f.Relative}", f.Full)));
            }
            else
            {
                missing.Add(path);
            }
        }
        return files;
    }
}
