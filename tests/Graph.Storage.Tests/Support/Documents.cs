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

    /// <summary>
    /// The facts of a PDF whose pages read <paramref name="pages"/>, filed under <paramref name="file"/>: the pages'
    /// text is extracted as one, each reference given the page (from 1) it starts on, as a PDF reader gives them.
    /// </summary>
    public static DocumentGraph FromPages(string file, params string[] pages)
    {
        var starts = new int[pages.Length];
        for (int i = 1; i < pages.Length; i++)
        {
            starts[i] = starts[i - 1] + pages[i - 1].Length + 1;
        }
        var extracted = Extractor.Default.Extract(string.Join("\n", pages), file);
        extracted = extracted with
        {
            Pages = pages.Length,
            References = [.. extracted.References.Select(r => r with { Page = starts.Count(start => start <= r.Start) })],
        };
        return GraphBuilder.Build(extracted, out string? error) ?? throw new InvalidOperationException($"{file}: {error}");
    }
}
