using System.Collections.Concurrent;
using System.Globalization;
using Humanizer;

namespace Graph.Text;

/// <summary>
/// Numbers as UN texts write them: Chinese numerals (<c>七十五</c>), Roman numerals (<c>XXI</c>) and English
/// ordinal words (<c>seventy-sixth</c>). Every parser returns null on input it does not understand.
/// </summary>
public static class Numerals
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly ConcurrentDictionary<string, int?> OrdinalCache = new(StringComparer.Ordinal);

    /// <summary>Parses Chinese numerals up to 9999 (<c>七十五</c>, <c>一百零三</c>, <c>十</c>, <c>两千</c>) or ASCII digits.</summary>
    public static int? ParseChinese(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 12)
        {
            return null;
        }
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int ascii))
        {
            return ascii;
        }
        Span<int> values = stackalloc int[s.Length];
        bool hasUnit = false;
        for (int i = 0; i < s.Length; i++)
        {
            values[i] = s[i] switch
            {
                '零' or '〇' => 0, '一' => 1, '二' or '两' => 2, '三' => 3, '四' => 4,
                '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9,
                '十' => -10, '百' => -100, '千' => -1000, _ => int.MinValue,
            };
            if (values[i] == int.MinValue)
            {
                return null;
            }
            hasUnit |= values[i] < 0;
        }
        if (!hasUnit)
        {
            // Digit by digit, as years are written: 二〇一一 is 2011.
            int n = 0;
            foreach (int d in values)
            {
                n = (n * 10) + d;
            }
            return n > 0 ? n : null;
        }
        // With units (七十五, 一百零三): each unit smaller than the one before, each digit followed by a unit,
        // except the last digit and a 零 that stands for a skipped place.
        int total = 0, lastUnit = int.MaxValue, pending = -1;
        foreach (int v in values)
        {
            if (v >= 0)
            {
                if (pending > 0)
                {
                    return null;
                }
                pending = v;
                continue;
            }
            int unit = -v;
            if (unit >= lastUnit || pending == 0)
            {
                return null;
            }
            total += (pending < 0 ? 1 : pending) * unit;
            lastUnit = unit;
            pending = -1;
        }
        if (pending > 0)
        {
            total += pending;
        }
        return total > 0 ? total : null;
    }

    /// <summary>Parses a Roman numeral (<c>XV</c>, <c>XXI</c>); null when the letters do not form one.</summary>
    public static int? ParseRoman(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 12)
        {
            return null;
        }
        int total = 0, previous = 0;
        for (int i = s.Length - 1; i >= 0; i--)
        {
            int v = s[i] switch { 'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, 'D' => 500, 'M' => 1000, _ => 0 };
            if (v == 0)
            {
                return null;
            }
            total += v < previous ? -v : v;
            previous = Math.Max(previous, v);
        }
        return total is > 0 and < 4000 && ToRoman(total) == s.ToString() ? total : null;
    }

    /// <summary>Writes 1..3999 as a Roman numeral.</summary>
    public static string ToRoman(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 3999);
        ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] letters = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        var result = new System.Text.StringBuilder();
        for (int i = 0; i < values.Length; i++)
        {
            while (n >= values[i])
            {
                result.Append(letters[i]);
                n -= values[i];
            }
        }
        return result.ToString();
    }

    /// <summary>
    /// Parses an English ordinal in words (<c>seventieth</c>, <c>seventy-sixth</c>, <c>first</c>) with
    /// Humanizer; null for anything else, including cardinals (<c>seventy</c>), so "seventy session" is not a session.
    /// </summary>
    public static int? ParseEnglishOrdinal(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Length is 0 or > 40)
        {
            return null;
        }
        string key = words.ToLowerInvariant();
        if (!(key.EndsWith("th", StringComparison.Ordinal) || key.EndsWith("first", StringComparison.Ordinal)
              || key.EndsWith("second", StringComparison.Ordinal) || key.EndsWith("third", StringComparison.Ordinal)))
        {
            return null;
        }
        return OrdinalCache.GetOrAdd(key, static k =>
            k.TryToNumber(out int n, English) && n > 0 ? n : null);
    }
}
