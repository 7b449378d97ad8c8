using System.IO.Enumeration;

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
    /// <summary>The file extensions read when a folder is walked: text, and PDF as the UN publishes it.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".txt", ".pdf"];

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
                var found = Walk(root)
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

    /// <summary>
    /// The files under <paramref name="root"/> with an extension that is read. Linked folders inside it are not
    /// entered (as <c>find</c> does by default): a link back to a parent would list the same files again and
    /// again, and two such links would make the walk exponential.
    /// </summary>
    private static FileSystemEnumerable<string> Walk(string root) =>
        new(root, static (ref FileSystemEntry entry) => entry.ToFullPath(), new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        })
        {
            ShouldIncludePredicate = static (ref FileSystemEntry entry) => !entry.IsDirectory && IsRead(entry.FileName),
            ShouldRecursePredicate = static (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };

    private static bool IsRead(ReadOnlySpan<char> fileName)
    {
        var extension = Path.GetExtension(fileName);
        foreach (string read in Extensions)
        {
            if (extension.Equals(read, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
