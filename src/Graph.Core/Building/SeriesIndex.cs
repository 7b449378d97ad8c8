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
            var counts = list
                .SelectMany(m => m.Titles)
                .GroupBy(t => (t.Key, t.Value))
                .Select(g => (g.Key.Key, g.Key.Value, (long)g.Count()));
            var (id, titles) = Name(counts);
            result.Add(new Series(id, titles, [.. list.Select(m => m.Id)]));
        }
        return [.. result.OrderBy(s => s.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A series' id and titles from how many of its members write each title: in each language the title most
    /// members write (the ordinal first among equals), and the id from the English one, else from the title in
    /// the ordinal first language. The one naming rule, whether a store derives series whole (<see cref="Find"/>)
    /// or keeps these counts as members come and go.
    /// </summary>
    /// <param name="titles">Each distinct (language, title) with the number of members that write it; counts of one (language, title) given twice are added.</param>
    /// <exception cref="ArgumentException">When no title is given: a series has at least one.</exception>
    public static (string Id, IReadOnlyDictionary<string, string> Titles) Name(IEnumerable<(string Language, string Title, long Count)> titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var best = new SortedDictionary<string, (string Title, long Count)>(StringComparer.Ordinal);
        foreach (var group in titles.GroupBy(t => (t.Language, t.Title)))
        {
            var (language, title) = group.Key;
            long count = group.Sum(t => t.Count);
            if (!best.TryGetValue(language, out var current) || count > current.Count
                || (count == current.Count && string.CompareOrdinal(title, current.Title) < 0))
            {
                best[language] = (title, count);
            }
        }
        if (best.Count == 0)
        {
            throw new ArgumentException("a series has at least one title", nameof(titles));
        }
        var named = best.ToDictionary(b => b.Key, b => b.Value.Title, StringComparer.Ordinal);
        string id = "series:" + (named.TryGetValue("en", out var en) ? Fold(en).Replace(' ', '-') : Fold(best.First().Value.Title));
        return (id, named);
    }

    /// <summary>The properties of a series node as every store claims them: its titles (<c>title_en</c> …) and <c>members</c>, the number of them.</summary>
    public static Dictionary<string, object> Properties(IReadOnlyDictionary<string, string> titles, long members)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var properties = titles.ToDictionary(t => "title_" + t.Key, t => (object)t.Value, StringComparer.Ordinal);
        properties["members"] = members;
        return properties;
    }

    /// <summary>
    /// What two titles share when they are one title for series: the language and the folded title
    /// (<c>en:assistance in mine action</c>). Resolutions whose titles have a key in common are in one series.
    /// </summary>
    public static string Key(string language, string title)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(title);
        return language + ":" + Fold(title);
    }

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
