namespace Graph.Storage.Tests.Support;

/// <summary>
/// Small hand-written resolutions laid out as the real ones are: the heading <c>66/69. Title</c> (which gives the
/// symbol <c>A/RES/66/69</c> and the title), the opening words, then one paragraph per argument.
/// </summary>
internal static class ResolutionText
{
    public static string English(string number, string title, params string[] paragraphs) =>
        $"{number}. {title}\n\nThe General Assembly,\n\n{string.Join("\n\n", paragraphs)}\n";

    public static string Chinese(string number, string title, params string[] paragraphs) =>
        $"{number}. {title}\n\n大会，\n\n{string.Join("\n\n", paragraphs)}\n";
}
