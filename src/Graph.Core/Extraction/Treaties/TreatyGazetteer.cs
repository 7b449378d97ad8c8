using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Graph.Text;

namespace Graph.Extraction.Treaties;

/// <summary>
/// The treaties UN resolutions cite, looked up by id, by name in English or Chinese, by abbreviation, by
/// United Nations Treaty Series citation, or as a numbered protocol of another treaty. Built once from
/// <c>treaties.json</c> and immutable afterwards, so one instance serves any number of threads.
/// </summary>
/// <remarks>
/// <para>
/// Loading checks the data and refuses it, with an <see cref="InvalidDataException"/> naming the problem, when
/// an id is missing, malformed or repeated; a treaty lacks its English title, its Chinese title or its year; a
/// name (title or alias, once normalised) or an abbreviation would point to two treaties; a parent is unknown or
/// the parents form a cycle; a protocol designation is not of the documented form or repeats within one parent;
/// or two treaties share a Treaty Series citation without one being the other's parent.
/// </para>
/// <para>
/// Names are compared after normalisation, done once at load for the data and once per lookup for the query.
/// English: case is ignored, whitespace runs count as one space, a leading <c>the</c> is ignored, and curly
/// quotes, dashes and full-width ASCII are folded to ASCII. Chinese: all whitespace is removed (PDF text breaks
/// lines inside titles), the title marks 《》〈〉 are dropped, and full-width ASCII (<c>（）</c>) is folded.
/// Hyphens are kept, so <c>Booby-Traps</c> and <c>Booby Traps</c> are different names: the data lists both
/// spellings where UN texts use both.
/// </para>
/// </remarks>
public sealed partial class TreatyGazetteer
{
    /// <summary>The manifest name of the embedded data, fixed in Graph.Core.csproj so a namespace move cannot break it.</summary>
    private const string ResourceName = "Graph.Extraction.Treaties.treaties.json";

    private static readonly Lazy<TreatyGazetteer> DefaultInstance = new(LoadEmbedded);

    private readonly FrozenDictionary<string, Treaty> byId;
    private readonly FrozenDictionary<string, Treaty> byEnglishName;
    private readonly FrozenDictionary<string, Treaty> byChineseName;
    private readonly FrozenDictionary<string, Treaty> byAbbreviation;
    private readonly FrozenDictionary<TreatySeriesReference, Treaty> bySeries;
    private readonly FrozenDictionary<string, Treaty> byProtocol;
    private readonly ImmutableArray<string> englishNames;
    private readonly ImmutableArray<string> chineseNames;

    private TreatyGazetteer(ImmutableArray<Treaty> treaties, Indexes indexes)
    {
        All = treaties;
        byId = indexes.ById;
        byEnglishName = indexes.ByEnglishName;
        byChineseName = indexes.ByChineseName;
        byAbbreviation = indexes.ByAbbreviation;
        bySeries = indexes.BySeries;
        byProtocol = indexes.ByProtocol;
        englishNames = indexes.EnglishNames;
        chineseNames = indexes.ChineseNames;
    }

    /// <summary>The gazetteer of the data embedded in this assembly, loaded on first use.</summary>
    /// <exception cref="InvalidDataException">When the embedded data breaks a rule (a build that shipped it is broken).</exception>
    public static TreatyGazetteer Default => DefaultInstance.Value;

    /// <summary>Every treaty, in the order of the data.</summary>
    public IReadOnlyList<Treaty> All { get; }

    /// <summary>Reads and checks a treaty list in the schema of <c>treaties.json</c>.</summary>
    /// <param name="json">UTF-8 JSON; read to its end, not closed.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="json"/> is null.</exception>
    /// <exception cref="InvalidDataException">When the JSON is malformed or the data breaks a rule; the message names it.</exception>
    public static TreatyGazetteer Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        TreatyFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, TreatyJsonContext.Default.TreatyFile);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"treaty data is not valid: {e.Message}", e);
        }
        if (file?.Treaties is null)
        {
            throw new InvalidDataException("treaty data has no \"treaties\" array");
        }
        var treaties = file.Treaties.Select(Check).ToImmutableArray();
        return new TreatyGazetteer(treaties, Index(treaties));
    }

    /// <summary>The treaty with this id (<c>ccm</c>), or null.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="id"/> is null.</exception>
    public Treaty? ById(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return byId.GetValueOrDefault(id);
    }

    /// <summary>
    /// The treaty with this title or alias, or null. A name with a Chinese character in it is looked up among
    /// the Chinese names, any other among the English ones, each normalised as the class remarks describe:
    /// <c>《集束弹药公约》</c>, <c>集束弹公约</c> and <c>the Convention on  Cluster Munitions</c> all find the CCM.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="name"/> is null.</exception>
    public Treaty? ByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return HasIdeograph(name)
            ? byChineseName.GetValueOrDefault(TreatyNames.Chinese(name))
            : byEnglishName.GetValueOrDefault(TreatyNames.English(name));
    }

    /// <summary>The treaty with this abbreviation (<c>CCW</c>, <c>NPT</c>), matched case-sensitively, or null.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="abbreviation"/> is null.</exception>
    public Treaty? ByAbbreviation(string abbreviation)
    {
        ArgumentNullException.ThrowIfNull(abbreviation);
        return byAbbreviation.GetValueOrDefault(abbreviation);
    }

    /// <summary>
    /// The treaty a Treaty Series footnote cites (<c>vol. 2688, No. 47713</c>), or null. Where protocols were
    /// registered with the treaty they are annexed to, the citation finds that treaty.
    /// </summary>
    public Treaty? ByTreatySeries(int volume, int number) => bySeries.GetValueOrDefault(new TreatySeriesReference(volume, number));

    /// <summary>
    /// The numbered protocol of a treaty: <c>ProtocolOf("ccw", "V")</c> is the Protocol on Explosive Remnants
    /// of War, which texts cite as <c>Protocol V to the 1980 Convention</c> / <c>1980 年公约第五议定书</c>.
    /// The designation is matched ignoring case and surrounding whitespace; see <see cref="Treaty.Protocol"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public Treaty? ProtocolOf(string parentId, string protocol)
    {
        ArgumentNullException.ThrowIfNull(parentId);
        ArgumentNullException.ThrowIfNull(protocol);
        return byProtocol.GetValueOrDefault(ProtocolKey(parentId, protocol));
    }

    /// <summary>
    /// Every title and alias in one language, as the data writes them, each once: the vocabulary a trie or
    /// prefilter over running text is built from. Normalise them as <see cref="ByName"/> does before matching.
    /// </summary>
    /// <param name="language"><c>en</c> or <c>zh</c>.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="language"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="language"/> is neither.</exception>
    public IEnumerable<string> Names(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (string.Equals(language, "en", StringComparison.OrdinalIgnoreCase))
        {
            return englishNames;
        }
        if (string.Equals(language, "zh", StringComparison.OrdinalIgnoreCase))
        {
            return chineseNames;
        }
        throw new ArgumentOutOfRangeException(nameof(language), language, "the gazetteer has names in \"en\" and \"zh\" only");
    }

    private static TreatyGazetteer LoadEmbedded()
    {
        var assembly = typeof(TreatyGazetteer).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} does not embed {ResourceName}");
        return Load(stream);
    }

    private static bool HasIdeograph(string s)
    {
        foreach (char c in s)
        {
            if (CharClass.IsIdeograph(c))
            {
                return true;
            }
        }
        return false;
    }

    private static string ProtocolKey(string parentId, string designation) =>
        parentId + "\n" + designation.Trim().ToUpperInvariant();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();

    // Upper-case Roman numerals, optionally "-amended": the convention Treaty.Protocol documents. Checked so a
    // designation written another way ("5", "Protocol V", "AP-I") fails at load instead of never being found.
    [GeneratedRegex("^[IVXL]+(?:-amended)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ProtocolShape();

    /// <summary>Checks one entry on its own and turns it into a <see cref="Treaty"/>; cross-entry rules are in <see cref="Index"/>.</summary>
    private static Treaty Check(TreatyEntry? entry, int index)
    {
        if (entry is null)
        {
            throw new InvalidDataException($"treaty #{index + 1} is null");
        }
        if (string.IsNullOrWhiteSpace(entry.Id))
        {
            throw new InvalidDataException($"treaty #{index + 1} has no id");
        }
        string id = entry.Id;
        if (!IdShape().IsMatch(id))
        {
            throw new InvalidDataException($"treaty id \"{id}\" is not lowercase kebab-case");
        }
        if (string.IsNullOrWhiteSpace(entry.Title))
        {
            throw new InvalidDataException($"treaty \"{id}\" has no title");
        }
        if (string.IsNullOrWhiteSpace(entry.TitleZh))
        {
            throw new InvalidDataException($"treaty \"{id}\" has no Chinese title (titleZh)");
        }
        if (entry.Year is not int year)
        {
            throw new InvalidDataException($"treaty \"{id}\" has no year");
        }
        // A sanity range, not a claim about history: it catches a typed-in registration number or volume.
        if (year is < 1800 or > 2100)
        {
            throw new InvalidDataException($"treaty \"{id}\" has year {year}, outside 1800–2100");
        }

        var aliasesEn = Strings(entry.Aliases?.En, id, "English alias");
        var aliasesZh = Strings(entry.Aliases?.Zh, id, "Chinese alias");
        foreach (string zh in aliasesZh.Prepend(entry.TitleZh))
        {
            // The marks belong to running text, not to the name; stored names are bare so Names() needs no cleaning.
            if (zh.Contains('《', StringComparison.Ordinal) || zh.Contains('》', StringComparison.Ordinal))
            {
                throw new InvalidDataException($"treaty \"{id}\" writes the Chinese name \"{zh}\" with 《》; store it without them");
            }
        }

        TreatySeriesReference? unts = null;
        if (entry.Unts is not null)
        {
            if (entry.Unts.Volume is not int volume || entry.Unts.Number is not int number || volume <= 0 || number <= 0)
            {
                throw new InvalidDataException($"treaty \"{id}\" has a Treaty Series citation without a positive volume and number; write null if unknown");
            }
            unts = new TreatySeriesReference(volume, number);
        }

        string? parent = string.IsNullOrWhiteSpace(entry.Parent) ? null : entry.Parent;
        string? protocol = string.IsNullOrWhiteSpace(entry.Protocol) ? null : entry.Protocol;
        if (protocol is not null)
        {
            if (parent is null)
            {
                throw new InvalidDataException($"treaty \"{id}\" is protocol \"{protocol}\" but names no parent");
            }
            if (!ProtocolShape().IsMatch(protocol))
            {
                throw new InvalidDataException($"treaty \"{id}\" has protocol designation \"{protocol}\"; write upper-case Roman numerals, optionally with \"-amended\" (\"V\", \"II-amended\")");
            }
        }

        bool isTreaty = entry.Kind switch
        {
            null or "treaty" => true,
            "document" => false,
            _ => throw new InvalidDataException($"treaty \"{id}\" has kind \"{entry.Kind}\"; write \"treaty\" (the default) or \"document\""),
        };
        return new Treaty(
            id,
            entry.Title,
            entry.TitleZh,
            new TreatyAliases(aliasesEn, aliasesZh),
            Strings(entry.Abbreviations, id, "abbreviation"),
            year,
            unts,
            parent,
            protocol,
            isTreaty);
    }

    private static ImmutableArray<string> Strings(List<string?>? values, string id, string what)
    {
        if (values is null)
        {
            return [];
        }
        var builder = ImmutableArray.CreateBuilder<string>(values.Count);
        foreach (string? value in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidDataException($"treaty \"{id}\" has an empty {what}");
            }
            builder.Add(value);
        }
        return builder.MoveToImmutable();
    }

    private sealed record Indexes(
        FrozenDictionary<string, Treaty> ById,
        FrozenDictionary<string, Treaty> ByEnglishName,
        FrozenDictionary<string, Treaty> ByChineseName,
        FrozenDictionary<string, Treaty> ByAbbreviation,
        FrozenDictionary<TreatySeriesReference, Treaty> BySeries,
        FrozenDictionary<string, Treaty> ByProtocol,
        ImmutableArray<string> EnglishNames,
        ImmutableArray<string> ChineseNames);

    /// <summary>Builds every lookup, enforcing the rules that span entries.</summary>
    private static Indexes Index(ImmutableArray<Treaty> treaties)
    {
        var byId = new Dictionary<string, Treaty>(StringComparer.Ordinal);
        foreach (var t in treaties)
        {
            if (!byId.TryAdd(t.Id, t))
            {
                throw new InvalidDataException($"duplicate treaty id \"{t.Id}\"");
            }
        }

        var byEnglish = new Dictionary<string, Treaty>(StringComparer.OrdinalIgnoreCase);
        var byChinese = new Dictionary<string, Treaty>(StringComparer.OrdinalIgnoreCase);
        var englishNames = ImmutableArray.CreateBuilder<string>();
        var chineseNames = ImmutableArray.CreateBuilder<string>();
        var byAbbreviation = new Dictionary<string, Treaty>(StringComparer.Ordinal);
        var byProtocol = new Dictionary<string, Treaty>(StringComparer.Ordinal);
        foreach (var t in treaties)
        {
            foreach (string name in t.Aliases.En.Prepend(t.Title))
            {
                AddName(byEnglish, englishNames, TreatyNames.English(name), name, "en", t);
            }
            foreach (string name in t.Aliases.Zh.Prepend(t.TitleZh))
            {
                AddName(byChinese, chineseNames, TreatyNames.Chinese(name), name, "zh", t);
            }
            foreach (string abbreviation in t.Abbreviations)
            {
                if (byAbbreviation.TryGetValue(abbreviation, out var other) && !ReferenceEquals(other, t))
                {
                    throw new InvalidDataException($"ambiguous abbreviation \"{abbreviation}\": given to both \"{other.Id}\" and \"{t.Id}\"");
                }
                byAbbreviation[abbreviation] = t;
            }
            if (t.Parent is not null)
            {
                CheckParentChain(t, byId);
                if (t.Protocol is not null && !byProtocol.TryAdd(ProtocolKey(t.Parent, t.Protocol), t))
                {
                    var other = byProtocol[ProtocolKey(t.Parent, t.Protocol)];
                    throw new InvalidDataException($"\"{other.Id}\" and \"{t.Id}\" are both protocol \"{t.Protocol}\" of \"{t.Parent}\"");
                }
            }
        }

        return new Indexes(
            byId.ToFrozenDictionary(StringComparer.Ordinal),
            byEnglish.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            byChinese.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            byAbbreviation.ToFrozenDictionary(StringComparer.Ordinal),
            IndexSeries(treaties).ToFrozenDictionary(),
            byProtocol.ToFrozenDictionary(StringComparer.Ordinal),
            englishNames.ToImmutable(),
            chineseNames.ToImmutable());
    }

    private static void AddName(Dictionary<string, Treaty> index, ImmutableArray<string>.Builder written, string key, string name, string language, Treaty t)
    {
        if (key.Length == 0)
        {
            throw new InvalidDataException($"treaty \"{t.Id}\" has a name ({language}) that is empty once normalised");
        }
        if (index.TryGetValue(key, out var other))
        {
            if (!ReferenceEquals(other, t))
            {
                throw new InvalidDataException($"ambiguous name \"{name}\" ({language}): it would name both \"{other.Id}\" and \"{t.Id}\"");
            }
            // The same treaty listing a name twice (say, an alias differing from the title only in case) is harmless.
            return;
        }
        index.Add(key, t);
        written.Add(name);
    }

    private static void CheckParentChain(Treaty t, Dictionary<string, Treaty> byId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { t.Id };
        for (string? parent = t.Parent; parent is not null; parent = byId[parent].Parent)
        {
            if (!byId.ContainsKey(parent))
            {
                throw new InvalidDataException($"treaty \"{t.Id}\" names unknown parent \"{parent}\"");
            }
            if (!seen.Add(parent))
            {
                throw new InvalidDataException($"treaty \"{t.Id}\" is its own ancestor through \"{parent}\"");
            }
        }
    }

    /// <summary>
    /// One treaty per citation. Protocols annexed to a convention can be registered under the convention's number
    /// and volume (the CCW's first three were); a shared citation is accepted only then, and finds the convention.
    /// </summary>
    private static Dictionary<TreatySeriesReference, Treaty> IndexSeries(ImmutableArray<Treaty> treaties)
    {
        var bySeries = new Dictionary<TreatySeriesReference, Treaty>();
        foreach (var group in treaties.Where(t => t.Unts is not null).GroupBy(t => t.Unts!))
        {
            var holder = group.FirstOrDefault(candidate => group.All(t => ReferenceEquals(t, candidate) || t.Parent == candidate.Id));
            if (holder is null)
            {
                string ids = string.Join(", ", group.Select(t => $"\"{t.Id}\""));
                throw new InvalidDataException($"Treaty Series vol. {group.Key.Volume}, No. {group.Key.Number} is cited by {ids}, none the parent of the others");
            }
            bySeries.Add(group.Key, holder);
        }
        return bySeries;
    }
}

/// <summary>The normalisations names are compared under; see the remarks on <see cref="TreatyGazetteer"/>.</summary>
internal static class TreatyNames
{
    public static string English(string name)
    {
        var s = new StringBuilder(name.Length);
        bool pendingSpace = false;
        foreach (char raw in name)
        {
            char c = Fold(raw);
            if (CharClass.IsInvisible(c))
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = s.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                s.Append(' ');
                pendingSpace = false;
            }
            s.Append(c);
        }
        // "the Convention on Cluster Munitions" in running text is the same name as the title without it.
        const string Article = "the ";
        return s.Length > Article.Length && s.ToString(0, Article.Length).Equals(Article, StringComparison.OrdinalIgnoreCase)
            ? s.ToString(Article.Length, s.Length - Article.Length)
            : s.ToString();
    }

    public static string Chinese(string name)
    {
        var s = new StringBuilder(name.Length);
        foreach (char raw in name)
        {
            char c = Fold(raw);
            // Chinese is written without spaces, so any whitespace is layout (a PDF line break inside a title).
            if (CharClass.IsInvisible(c) || char.IsWhiteSpace(c) || c is '《' or '》' or '〈' or '〉')
            {
                continue;
            }
            s.Append(c);
        }
        return s.ToString();
    }

    /// <summary>Folds one character as names are folded (widths, quotes, dashes), so running text can be compared to names char by char.</summary>
    public static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => CharClass.FoldWidth(c),
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' => '"',
        >= '\u2010' and <= '\u2015' => '-',
        '\u2212' or '\uFE58' or '\uFE63' => '-',
        _ => c,
    };
}

/// <summary>The file as written: everything optional, so a missing field reaches the checks and gets a message naming it.</summary>
internal sealed class TreatyFile
{
    public List<TreatyEntry?>? Treaties { get; set; }
}

/// <summary>One entry of <c>treaties.json</c> before it is checked.</summary>
internal sealed class TreatyEntry
{
    public string? Id { get; set; }

    public string? Kind { get; set; }

    public string? Title { get; set; }

    public string? TitleZh { get; set; }

    public AliasesEntry? Aliases { get; set; }

    public List<string?>? Abbreviations { get; set; }

    public int? Year { get; set; }

    public SeriesEntry? Unts { get; set; }

    public string? Parent { get; set; }

    public string? Protocol { get; set; }
}

/// <summary>The <c>aliases</c> object of an entry.</summary>
internal sealed class AliasesEntry
{
    public List<string?>? En { get; set; }

    public List<string?>? Zh { get; set; }
}

/// <summary>The <c>unts</c> object of an entry.</summary>
internal sealed class SeriesEntry
{
    public int? Volume { get; set; }

    public int? Number { get; set; }
}

// Unknown members are refused so a misspelt field ("titleZH") fails the load instead of silently reading as missing.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(TreatyFile))]
internal sealed partial class TreatyJsonContext : JsonSerializerContext
{
}
