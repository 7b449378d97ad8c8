namespace Graph.Text;

/// <summary>Spans of text given as (start, end), end exclusive: footnote areas, footnote blocks, links.</summary>
internal static class Spans
{
    /// <summary>The index of the first span holding <paramref name="at"/>, or -1 when none does.</summary>
    /// <remarks>
    /// A loop rather than List.Exists or FindIndex with a lambda: the lambda captures the position, so every call, one
    /// per line or per match, allocated a closure and a delegate.
    /// </remarks>
    public static int IndexHolding(IReadOnlyList<(int Start, int End)> spans, int at)
    {
        for (int i = 0; i < spans.Count; i++)
        {
            if (at >= spans[i].Start && at < spans[i].End)
            {
                return i;
            }
        }
        return -1;
    }
}
