using Graph.Building;
using Graph.Extraction;
using Graph.Model;
using Graph.Text;

namespace Graph.Storage.Tests.Support;

/// <summary>
/// Document graphs made as <c>graph build</c> makes them: the file decoded, its references found by the real
/// extractor, its facts built by <see cref="GraphBuilder"/>.
/// </summary>
internal static class Documents
{
    /// <summary>The facts of the text in <paramref name="path"/>, filed under that path.</summary>
    public static DocumentGraph FromFile(string path)
    {
        string text = TextDecoder.TryDecode(File.ReadAllBytes(path), out string? error)
            ?? throw new InvalidOperationException($"{path}: {error}");
        return FromText(text, path);
    }

    /// <summary>The facts of <paramref name="text"/>, filed under <paramref name="file"/>; fails when the text shows no symbol of its own.</summary>
    public static DocumentGraph FromText(string text, string file) =>
        GraphBuilder.Build(Extractor.Default.Extract(text, file), out string? error)
            ?? throw new InvalidOperationException($"{file}: {error}");
}
