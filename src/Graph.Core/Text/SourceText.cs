namespace Graph.Text;

/// <summary>
/// A document's original text together with the normalised text the recognisers read, and the map
/// between them. Recognisers find matches in <see cref="Normalised"/>; every span they report is mapped
/// back with <see cref="ToOriginal(int, int)"/> so that users always get offsets into the file as it was read.
/// </summary>
/// <remarks>Offsets are UTF-16 code units of the decoded text (the BOM, if any, is not counted).</remarks>
public sealed class SourceText
{
    // originalIndex[i] is the offset in Original of Normalised[i]; one extra entry holds Original.Length.
    private readonly int[] originalIndex;

    internal SourceText(string original, string normalised, int[] originalIndex, DocumentLayout layout)
    {
        Original = original;
        Normalised = normalised;
        this.originalIndex = originalIndex;
        Layout = layout;
    }

    /// <summary>The footnotes of the original and the markers that point to them.</summary>
    public DocumentLayout Layout { get; }

    /// <summary>The text exactly as decoded from the file.</summary>
    public string Original { get; }

    /// <summary>The text the recognisers match against (see <see cref="TextNormaliser"/> for what changes).</summary>
    public string Normalised { get; }

    /// <summary>Builds the normalised view of <paramref name="original"/>.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="original"/> is null.</exception>
    public static SourceText From(string original) => TextNormaliser.Normalise(original);

    /// <summary>
    /// Maps a span of the normalised text to the span of original text it came from: from the original
    /// position of its first character to just after the original position of its last.
    /// </summary>
    public (int Start, int Length) ToOriginal(int normalisedStart, int normalisedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(normalisedStart);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(normalisedLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(normalisedStart + normalisedLength, Normalised.Length);
        int start = originalIndex[normalisedStart];
        int last = originalIndex[normalisedStart + normalisedLength - 1];
        int end = last + (char.IsHighSurrogate(Original[last]) && last + 1 < Original.Length ? 2 : 1);
        return (start, end - start);
    }

    /// <summary>The original offset of a normalised position (the end maps to the original length).</summary>
    public int ToOriginal(int normalisedIndex) => originalIndex[normalisedIndex];

    /// <summary>
    /// The normalised position of an original offset: the first normalised character that comes from that offset
    /// or after it (so a dropped character maps to what follows it).
    /// </summary>
    public int ToNormalised(int originalOffset)
    {
        int lo = 0, hi = originalIndex.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (originalIndex[mid] < originalOffset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>The original text behind a normalised span.</summary>
    public string OriginalSlice(int normalisedStart, int normalisedLength)
    {
        var (start, length) = ToOriginal(normalisedStart, normalisedLength);
        return Original.Substring(start, length);
    }
}
