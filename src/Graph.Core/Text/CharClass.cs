using System.Runtime.CompilerServices;

namespace Graph.Text;

/// <summary>Character classes the normaliser and the recognisers agree on.</summary>
internal static class CharClass
{
    /// <summary>CJK ideographs (with extension A and compatibility ideographs).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsIdeograph(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>
    /// Ideographs and the punctuation that only Chinese text uses: whitespace next to these carries no
    /// meaning (Chinese is written without spaces), so the normaliser drops it.
    /// </summary>
    public static bool IsCjk(char c) =>
        IsIdeograph(c)
        || c is >= '\u3000' and <= '\u303F'   // CJK symbols and punctuation: 、。《》「」〔〕
        || c is >= '\u3200' and <= '\u32FF'   // enclosed CJK: ㈠ ㈡
        || c is '\u201C' or '\u201D' or '\u2026' // “ ” … as used between Chinese words
        || c is >= '\uFF01' and <= '\uFF0F' or >= '\uFF1A' and <= '\uFF20' or >= '\uFF3B' and <= '\uFF40' or >= '\uFF5B' and <= '\uFF65'; // full-width punctuation

    /// <summary>Characters that take no space and carry no meaning: soft hyphens, zero-width spaces and joiners, BOMs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    /// <summary>Full-width ASCII (<c>１２</c>, <c>／</c>, <c>（）</c>, <c>，</c>) as ASCII; anything else unchanged.</summary>
    public static char FoldWidth(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
}
