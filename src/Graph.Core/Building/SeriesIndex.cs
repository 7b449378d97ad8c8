using System.Globalization;
using System.Text;

namespace Graph.Building;

/// <summary>
/// Finds the series among loaded resolutions: resolutions that carry the same title in some language belong
/// to one series ("Assistance in mine action" at the 62nd, 66th and 68th sessions). A resolution loaded in two
/// languages links its English and Chinese titles, so a series seen only in Chinese at one session and in both
/// languages at another is still one series. A title carried by one resolution only is no series.
/// </summary>
/// <remarks>
/// Series are derived from the whole graph, never stated by one source: stores recompute them after every
/// batch, so the result does not depend on the order documents arrive in.
/// </remarks>
public static class SeriesIndex
{
    /// <summary>The source key under which stores keep the derived series; no document has it.</summary>
    public const string Source = "derived:series";

    /// <summary>One series: its id, its titles per language and its members.</summary>
    /// <param name="Id"><c>series:</c> and the English title folded to lower-case words joined by hyphens (<c>series:assistance-in-mine-action</c>), or the folded Chinese title where no English one is known.</param>
    /// <param name="Titles">The title in each language, as most members write it.</param>
    /// <param name="Members">The ids of its resolutions, ordinal order.</param>
    public sealed record Series(string Id, IReadOnlyDictionary<string, string> Titles, IReadOnlyList<string> Members);

    /// <summary>The series among the given resolutions (each with its titles keyed by language).</summary>
    public static IReadOnlyList<Series> Find(IEnumerable<(string Id, IReadOnlyDictionary<string, string> Titles)> resolutions)
    {
        ArgumentNullException.ThrowIfNull(resolutions);
        var members = resolutions.Where(r => r.Titles.Count > 0).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Root(string key)
        {
            while (parent[key] != key)
            {
                key = parent[key] = parent[parent[key]];
            }
            return key;
        }
        foreach (var (_, titles) in members)
        {
            string? first = null;
            foreach (var (language, title) in titles)
            {
                string key = Key(language, title);
                parent.TryAdd(key, key);
                if (first is null)
                {
                    first = key;
                }
                else
                {
                    string a = Root(first), b = Root(key);
                    if (a != b)
                    {
                        parent[string.CompareOrdinal(a, b) < 0 ? b : a] = string.CompareOrdinal(a, b) < 0 ? a : b;
                    }
                }
            }
        }
        var result = new List<Series>();
        foreach (var group in members.GroupBy(m => Root(Key(m.Titles.First().Key, m.Titles.First().Value)), StringComparer.Ordinal))
        {
            var list = group.ToList();
            if (list.Count < 2)
            {
                continue;
            }
            var titles = list
                .SelectMany(m => m.Titles)
                .GroupBy(t => t.Key, StringComparer.Ordinal)
                .ToDictionary(
                    g => g.Key,
                    g => g.GroupBy(t => t.Value, StringComparer.Ordinal).OrderByDescending(v => v.Count()).ThenBy(v => v.Key, StringComparer.Ordinal).First().Key,
                    StringComparer.Ordinal);
            string id = "series:" + (titles.TryGetValue("en", out var en) ? Fold(en).Replace(' ', '-') : Fold(titles.OrderBy(t => t.Key, StringComparer.Ordinal).First().Value));
            result.Add(new Series(id, titles, [.. list.Select(m => m.Id)]));
        }
        return [.. result.OrderBy(s => s.Id, StringComparer.Ordinal)];
    }

    private static string Key(string language, string title) => language + ":" + Fold(title);

    /// <summary>
    /// A title as compared: lower case, letters and digits only, single spaces between words (none between Chinese characters); so "Assistance
    /// in mine action" and "Assistance in Mine Action." are one title, and 《集束弹药公约》的执行情况 keeps its words.
    /// </summary>
    public static string Fold(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var result = new StringBuilder(title.Length);
        bool space = false;
        foreach (char c in title.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && result.Length > 0 && c < '\u2E80' && result[^1] < '\u2E80')
                {
                    result.Append(' ');
                }
                space = false;
                result.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else
            {
                space = true;
            }
        }
        return result.ToString();
    }
}
