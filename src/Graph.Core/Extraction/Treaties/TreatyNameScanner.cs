using System.Buffers;

namespace Graph.Extraction.Treaties;

/// <summary>
/// Finds the gazetteer's names in running text, in either language, without a regex: a table of the characters
/// names start with and a table of their first two characters (both by upper case) say where some name may start,
/// then the longest of the names that begin with the same four characters there is taken (indexed by four, not one:
/// "Co" starts Committee and Council at every other line, and a hundred names begin with C). A giant alternation of
/// titles would be far slower (see STYLE.md) and would backtrack on long titles; a case-insensitive multi-string
/// search over Latin and Chinese names at once is not vectorised by .NET and cost three times this.
/// </summary>
internal sealed class TreatyNameScanner
{
    // Upper case of every character, looked up rather than computed: char.ToUpperInvariant asks ICU for anything
    // outside Latin-1, and the scan needs it at most places of a Chinese text.
    private static readonly char[] Upper = UpperCaseTable();

    // What each character is scanned as: a line break as a space, quotes and dashes folded as names are
    // (TreatyNames.Fold). A table, because the fold's cases cost more than the copy at every character of the text.
    private static readonly char[] Flat = FlatTable();
    private readonly bool[] startsName = new bool[char.MaxValue + 1];
    // The first two characters of every name, hashed into a table of bits: one load says a place cannot start a name,
    // where a set lookup cost as much as the rest of the scan (a colliding pair only costs the exact lookup after it).
    private readonly ulong[] firstTwo = new ulong[FirstTwoBits / 64];
    private const int FirstTwoBits = 1 << 16;
    private readonly Dictionary<ulong, (string Name, Treaty Treaty)[]> byFirstFour;

    public TreatyNameScanner(TreatyGazetteer gazetteer)
    {
        var names = new List<(string Name, Treaty Treaty)>();
        foreach (var treaty in gazetteer.All)
        {
            foreach (string name in treaty.Aliases.En.Prepend(treaty.Title))
            {
                names.Add((TreatyNames.English(name), treaty));
            }
            foreach (string name in treaty.Aliases.Zh.Prepend(treaty.TitleZh))
            {
                names.Add((TreatyNames.Chinese(name), treaty));
            }
        }
        names = names.Where(n => n.Name.Length >= 4).DistinctBy(n => n.Name.ToUpperInvariant()).ToList();
        var firsts = names.Select(n => char.ToUpperInvariant(n.Name[0])).ToHashSet();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            startsName[c] = firsts.Contains(Upper[c]);
        }
        foreach (var (name, _) in names)
        {
            int bit = FirstTwo(name[0], name[1]);
            firstTwo[bit >> 6] |= 1UL << (bit & 63);
        }
        byFirstFour = names
            .GroupBy(n => FirstFour(n.Name, 0))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.Name.Length).ToArray());
    }

    /// <summary>
    /// Every name in <paramref name="text"/> (normalised text, line breaks read as spaces, quotes and dashes folded as names are), longest first where
    /// names overlap. An English name must stand as whole words.
    /// </summary>
    public IEnumerable<(int Start, int Length, Treaty Treaty)> Scan(string text)
    {
        // The folded copy is scratch, borrowed for the scan: a new string of it was about 9 KB a document, 4% of what
        // extraction allocated.
        char[] flat = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            for (int i = 0; i < text.Length; i++)
            {
                flat[i] = Flat[text[i]];
            }
            for (int at = 0; at + 1 < text.Length; at++)
            {
                char c = flat[at];
                if (!startsName[c]
                    || (char.IsAsciiLetter(c) && at > 0 && char.IsAsciiLetterOrDigit(flat[at - 1])) // a Latin name starts a word
                    || !MayStartName(c, flat[at + 1]))
                {
                    continue;
                }
                if (LongestAt(flat.AsSpan(0, text.Length), at) is { } f)
                {
                    yield return (at, f.Name.Length, f.Treaty);
                    at += f.Name.Length - 1;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(flat);
        }
    }

    private static int FirstTwo(char first, char second) => (int)(((uint)Upper[first] * 40503u) ^ Upper[second]) & (FirstTwoBits - 1);

    private bool MayStartName(char first, char second)
    {
        int bit = FirstTwo(first, second);
        return (firstTwo[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    /// <summary>The first four characters at <paramref name="at"/>, upper-cased, as one key (every name has four or more).</summary>
    private static ulong FirstFour(ReadOnlySpan<char> s, int at) =>
        ((ulong)Upper[s[at]] << 48) | ((ulong)Upper[s[at + 1]] << 32) | ((ulong)Upper[s[at + 2]] << 16) | Upper[s[at + 3]];

    private static char[] FlatTable()
    {
        var table = new char[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            table[c] = c == '\n' ? ' ' : TreatyNames.Fold((char)c);
        }
        return table;
    }

    private static char[] UpperCaseTable()
    {
        // One call for the whole table: .NET's upper-casing maps character by character and keeps the length, and
        // 65,536 calls of char.ToUpperInvariant would cost a noticeable part of a second at start.
        var all = new char[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            all[c] = (char)c;
        }
        var table = new char[all.Length];
        int written = ((ReadOnlySpan<char>)all).ToUpperInvariant(table);
        System.Diagnostics.Debug.Assert(written == table.Length, "upper-casing keeps the length");
        return table;
    }

    private (string Name, Treaty Treaty)? LongestAt(ReadOnlySpan<char> text, int at)
    {
        if (at + 4 > text.Length || !byFirstFour.TryGetValue(FirstFour(text, at), out var candidates))
        {
            return null;
        }
        foreach (var candidate in candidates)
        {
            string name = candidate.Name;
            if (at + name.Length > text.Length || !text.Slice(at, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            bool latin = char.IsAsciiLetter(name[0]);
            if (latin && ((at > 0 && char.IsAsciiLetterOrDigit(text[at - 1])) || (at + name.Length < text.Length && char.IsAsciiLetter(text[at + name.Length]))))
            {
                continue;
            }
            return candidate;
        }
        return null;
    }
}
