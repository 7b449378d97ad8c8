using System.Text;
using System.Text.RegularExpressions;
using Graph.Text;

namespace Graph.Model;

/// <summary>
/// UN document symbols: the canonical written form and what a symbol says about itself
/// (a resolution, a decision, a meeting record, or another document; its organ and session).
/// </summary>
public static partial class UnSymbol
{
    [GeneratedRegex(@"^(?:A|S|E|E/CN\.[0-9]{1,2}|A/HRC|UNEP/EA\.[0-9]{1,2})/(?:RES|Res)/", RegexOptions.CultureInvariant)]
    private static partial Regex ResolutionSeries();

    [GeneratedRegex(@"^(?:A|E|A/HRC|E/CN\.[0-9]{1,2})/DEC/", RegexOptions.CultureInvariant)]
    private static partial Regex DecisionSeries();

    [GeneratedRegex(@"^(?:A/(?:(?:E?S-)?[0-9]{1,3}/)?PV\.[0-9]{1,5}|S/PV\.[0-9]{1,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex MeetingRecord();

    [GeneratedRegex(@"^A/RES/(?:(?<session>(?:E?S-)?[0-9]{1,3})/[0-9]{1,4}|[0-9]{1,4}[A-Z]?\((?<roman>(?:E?S-)?[IVXLC]{1,8})\))", RegexOptions.CultureInvariant)]
    private static partial Regex GeneralAssemblySession();

    // A joint symbol joins two symbols with a hyphen: A/55/985-S/2001/574. The hyphens inside a symbol
    // (A/RES/ES-8/2, A/RES/S-13/2) are followed by a digit, never by an organ and a slash.
    [GeneratedRegex(@"-(?=[A-Z][A-Za-z0-9.]{0,20}/)", RegexOptions.CultureInvariant)]
    private static partial Regex JointSeparator();

    /// <summary>
    /// The symbols a joint symbol is made of (<c>A/55/985-S/2001/574</c> → <c>A/55/985</c>, <c>S/2001/574</c>);
    /// empty for a symbol that is not joint.
    /// </summary>
    public static IReadOnlyList<string> JointParts(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (!symbol.Contains('-', StringComparison.Ordinal) || !symbol.Contains('/', StringComparison.Ordinal))
        {
            return [];
        }
        string[] parts = JointSeparator().Split(symbol);
        return parts.Length > 1 && parts.All(p => p.Contains('/', StringComparison.Ordinal)) ? parts : [];
    }

    /// <summary>The symbol without whitespace, as the UN catalogue and undocs.org write it.</summary>
    public static string Canonical(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var result = new StringBuilder(written.Length);
        foreach (char c in written)
        {
            if (!char.IsWhiteSpace(c))
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }

    /// <summary>What kind of thing a canonical symbol names; <see cref="ReferenceKind.Document"/> when nothing more specific.</summary>
    public static ReferenceKind KindOf(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (ResolutionSeries().IsMatch(symbol))
        {
            return ReferenceKind.Resolution;
        }
        if (DecisionSeries().IsMatch(symbol))
        {
            return ReferenceKind.Decision;
        }
        return MeetingRecord().IsMatch(symbol) ? ReferenceKind.Meeting : ReferenceKind.Document;
    }

    /// <summary>
    /// The General Assembly session a resolution symbol belongs to, as it is written in symbols
    /// (<c>68</c>, <c>S-13</c>, <c>ES-8</c>, and <c>15</c> for <c>A/RES/1514(XV)</c>); null for other symbols.
    /// </summary>
    public static string? GeneralAssemblySessionOf(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var m = GeneralAssemblySession().Match(symbol);
        if (!m.Success)
        {
            return null;
        }
        if (m.Groups["session"].Success)
        {
            return m.Groups["session"].Value;
        }
        string roman = m.Groups["roman"].Value;
        int dash = roman.IndexOf('-', StringComparison.Ordinal);
        string prefix = dash < 0 ? "" : roman[..(dash + 1)];
        return Numerals.ParseRoman(roman.AsSpan(dash + 1)) is { } n ? prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
