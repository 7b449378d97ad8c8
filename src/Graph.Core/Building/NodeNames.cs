using System.Globalization;
using System.Text.RegularExpressions;
using Graph.Model;
using Humanizer;

namespace Graph.Building;

/// <summary>Display names and undocs.org links, computed from a node's id, label and merged properties.</summary>
public static partial class NodeNames
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly Dictionary<string, string> MainCommittees = new(StringComparer.Ordinal)
    {
        ["A/C.1"] = "First Committee (Disarmament and International Security)",
        ["A/C.2"] = "Second Committee (Economic and Financial)",
        ["A/C.3"] = "Third Committee (Social, Humanitarian and Cultural)",
        ["A/C.4"] = "Fourth Committee (Special Political and Decolonization)",
        ["A/C.5"] = "Fifth Committee (Administrative and Budgetary)",
        ["A/C.6"] = "Sixth Committee (Legal)",
    };

    [GeneratedRegex(@"^A/(?<kind>(?:E?S-)?)(?<n>[0-9]{1,3})$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex GeneralAssemblySession();

    [GeneratedRegex(@"^(?<session>A/(?:E?S-)?[0-9]{1,3})/item/(?<item>[0-9]{1,4})(?<sub>\([a-z]{1,3}\))?$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex AgendaItem();

    /// <summary>The display name of a node.</summary>
    public static string For(string id, NodeLabel label, IReadOnlyDictionary<string, object> properties)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(properties);
        string? Text(string key) => properties.TryGetValue(key, out var v) ? v as string : null;
        return label switch
        {
            NodeLabel.Treaty or NodeLabel.Series => Text("title_en") ?? Text("title_zh") ?? id,
            NodeLabel.Document when !IsSymbol(id) => Text("title_en") ?? Text("title_zh") ?? id,
            NodeLabel.Session => SessionName(id) ?? id,
            NodeLabel.Committee => MainCommittees.GetValueOrDefault(id, id),
            NodeLabel.AgendaItem => AgendaItemName(id) ?? id,
            NodeLabel.Subject => Text("term") ?? id,
            _ => id,
        };
    }

    /// <summary>"68th session of the General Assembly" for <c>A/68</c>; null for ids of another form.</summary>
    public static string? SessionName(string id)
    {
        var m = GeneralAssemblySession().Match(id);
        if (!m.Success)
        {
            return null;
        }
        int n = int.Parse(m.Groups["n"].ValueSpan, CultureInfo.InvariantCulture);
        string kind = m.Groups["kind"].Value switch
        {
            "S-" => "special session",
            "ES-" => "emergency special session",
            _ => "session",
        };
        return $"{n.Ordinalize(English)} {kind} of the General Assembly";
    }

    private static string? AgendaItemName(string id)
    {
        var m = AgendaItem().Match(id);
        return m.Success
            ? $"Item {m.Groups["item"].Value}{(m.Groups["sub"].Success ? " " + m.Groups["sub"].Value : "")}, {SessionName(m.Groups["session"].Value)}"
            : null;
    }

    /// <summary>Whether the id is a UN document symbol (so undocs.org resolves it), not a gazetteer id or a title.</summary>
    public static bool IsSymbol(string id) =>
        id.Contains('/', StringComparison.Ordinal) && !id.StartsWith("title:", StringComparison.Ordinal) && !id.Contains("/item/", StringComparison.Ordinal);

    /// <summary>
    /// The undocs.org address of a symbol, in the given language or, without one, in the reader's. A joint
    /// symbol is addressed by its first part, which undocs.org resolves.
    /// </summary>
    public static string Url(string symbol, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        string first = UnSymbol.JointParts(symbol) is [var head, ..] ? head : symbol;
        return language is null ? $"https://undocs.org/{first}" : $"https://undocs.org/{language}/{first}";
    }
}
