using Graph.Model;

namespace Graph.Extraction.Dates;

/// <summary>A date found in normalised text.</summary>
internal readonly record struct DateMatch(int Start, int Length, DateRange Date)
{
    public int End => Start + Length;
}
