using System.Text.RegularExpressions;
using Graph.Model;

namespace Graph.Extraction.Header;

/// <summary>
/// What a resolution says about itself at its top: its symbol (an <c>A/RES/69/60</c> line, or the heading
/// <c>68/72.</c> whose session then gives <c>A/RES/68/72</c>, or <c>Resolution 1663 (2006)</c>), its organ,
/// session and title, and the index terms of a <c>%%%</c> line. Runs before the reference recognisers, which
/// need the session to name meetings and agenda items.
/// </summary>
internal static partial class DocumentHeaderRecogniser
{
    // The header of a resolution is short; looking further would take a citation for the heading.
    private const int HeaderLength = 4000;

    [GeneratedRegex(@"\A\s*%%%(?<terms>[^\n]{0,4000})", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Subjects();

    // The symbol as a header or running head prints it: at the end of a short line ("联 合 国   A/RES/75/62").
    // Read from the original text, whose line breaks normalisation drops next to Chinese characters.
    [GeneratedRegex(@"^[^\n0-9]{0,60}?(?<![A-Za-z0-9/.])(?<symbol>(?:A/RES/(?:E?S-)?[0-9]{1,3}/[0-9]{1,4}[A-Z]?|S/RES/[0-9]{1,5} ?\([0-9]{4}\)))[ \t\u3000]*\r?$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex SymbolLine();

    [GeneratedRegex(@"(?:^|\n|\]|\*) ?(?<session>(?:E?S-)?[0-9]{1,3})/(?<number>[0-9]{1,4})(?: ?(?<letter>[A-Z]))?\.(?![0-9])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?:^|\n)(?:Resolution (?<n>[0-9]{1,5}) \((?<y>[0-9]{4})\)|第 ?(?<n>[0-9]{1,5}) ?\((?<y>[0-9]{4})\) ?号决议)(?:\n|$)", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex SecurityCouncilHeading();

    [GeneratedRegex(@"\G[ \n]?(?<title>[^\n*]{1,300}?)(?=\*|\n|大会,|The General Assembly|The Security Council|$)", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Title();

    public static DocumentIdentity Read(ExtractionContext context)
    {
        string text = context.Text;
        string head = text.Length > HeaderLength ? text[..HeaderLength] : text;

        var subjects = Subjects().Match(text);
        IReadOnlyList<string> terms = subjects.Success
            ? subjects.Groups["terms"].Value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];

        string? symbol = null, title = null;
        var heading = Heading().Match(head);
        string original = context.Source.Original;
        var line = SymbolLine().Match(original.Length > HeaderLength ? original[..HeaderLength] : original);
        if (line.Success)
        {
            symbol = UnSymbol.Canonical(line.Groups["symbol"].Value);
        }
        else if (heading.Success)
        {
            symbol = $"A/RES/{heading.Groups["session"].Value}/{heading.Groups["number"].Value}{heading.Groups["letter"].Value}";
        }
        else if (SecurityCouncilHeading().Match(head) is { Success: true } sc)
        {
            symbol = $"S/RES/{sc.Groups["n"].Value}({sc.Groups["y"].Value})";
        }

        if (heading.Success)
        {
            var t = Title().Match(text, heading.Index + heading.Length);
            title = t.Success ? t.Groups["title"].Value.Trim() : null;
        }

        return new DocumentIdentity
        {
            Symbol = symbol,
            Body = symbol is null ? null : symbol.StartsWith("S/", StringComparison.Ordinal) ? "SC" : "GA",
            Session = symbol is null ? null : UnSymbol.GeneralAssemblySessionOf(symbol),
            Title = string.IsNullOrEmpty(title) ? null : title,
            Subjects = terms,
        };
    }
}
