using System.Buffers;

namespace Graph.Extraction.Treaties;

/// <summary>
/// Finds the gazetteer's names in running text, in either language, without a regex: a multi-string search
/// (<see cref="SearchValues{T}"/>) finds where some name may start, then the longest name that really stands there
/// is taken. A giant alternation of titles would be far slower (see STYLE.md) and would backtrack on long titles.
/// </summary>
internal sealed class TreatyNameScanner
{
    private readonly SearchValues<string> starts;
    private readonly Dictionary<char, (string Name, Treaty Treaty)[]> byFirstChar;

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
        starts = SearchValues.Create(names.Select(n => n.Name).ToArray(), StringComparison.OrdinalIgnoreCase);
        byFirstChar = names
            .GroupBy(n => char.ToUpperInvariant(n.Name[0]))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.Name.Length).ToArray());
    }

    /// <summary>
    /// Every name in <paramref name="text"/> (normalised text, line breaks read as spaces, quotes and dashes folded as names are), longest first where
    /// names overlap. An English name must stand as whole words.
    /// </summary>
    public IEnumerable<(int Start, int Length, Treaty Treaty)> Scan(string text)
    {
        string flat = string.Create(text.Length, text, static (span, t) =>
        {
            for (int i = 0; i < t.Length; i++)
            {
                span[i] = t[i] == '\n' ? ' ' : TreatyNames.Fold(t[i]);
            }
        });
        int position = 0;
        while (position < flat.Length)
        {
            int hit = flat.AsSpan(position).IndexOfAny(starts);
            if (hit < 0)
            {
                yield break;
            }
            int at = position + hit;
            var found = LongestAt(flat, at);
            if (found is { } f)
            {
                yield return (at, f.Name.Length, f.Treaty);
                position = at + f.Name.Length;
            }
            else
            {
                position = at + 1;
            }
        }
    }

    private (string Name, Treaty Treaty)? LongestAt(string text, int at)
    {
        if (!byFirstChar.TryGetValue(char.ToUpperInvariant(text[at]), out var candidates))
        {
            return null;
        }
        foreach (var candidate in candidates)
        {
            string name = candidate.Name;
            if (at + name.Length > text.Length || string.Compare(text, at, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0)
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
