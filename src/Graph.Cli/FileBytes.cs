using Graph.Text;

namespace Graph.Cli;

/// <summary>Reads a listed file whole, turning what the file system refuses into that file's error.</summary>
internal static class FileBytes
{
    /// <summary>The file's bytes, or null and <c>cannot read the file: …</c> (gone since it was listed, no permission, a device error).</summary>
    public static byte[]? TryRead(DocumentFile file, out string? error)
    {
        try
        {
            error = null;
            return File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read the file: {e.Message}";
            return null;
        }
    }
}
