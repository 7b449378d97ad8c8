using System.Text.RegularExpressions;
using Graph.Model;
using Graph.Text;

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
    internal const int HeaderLength = 4000;

    [GeneratedRegex(@"\A\s*%%%(?<terms>[^\n]{0,4000})", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Subjects();

    // The symbol as a header or running head prints it: at the end of a short line ("联 合 国   A/RES/75/62").
    // Read from the original text, whose line breaks normalisation drops next to Chinese characters.
    [GeneratedRegex(@"^[^\n0-9]{0,60}?(?<![A-Za-z0-9/.])(?<symbol>(?:A/RES/(?:E?S-)?[0-9]{1,3}/[0-9]{1,4}[A-Z]?|S/RES/[0-9]{1,5} ?\([0-9]{4}\)))[ \t\u3000]*\r?$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    internal static partial Regex SymbolLine();

    /// <summary>
    /// <see cref="SymbolLine"/>'s first match in the first <see cref="HeaderLength"/> characters of
    /// <paramref name="original"/>, or <see cref="Match.Empty"/>. Only the lines holding <c>/RES/</c> can match, and the
    /// regex is run on those lines alone: on the whole head it tried sixty lazy starts at every line.
    /// </summary>
    internal static Match FirstSymbolLine(string original)
    {
        foreach (var (start, end) in DocumentLayout.LinesHolding(original, "/RES/", Math.Min(original.Length, HeaderLength)))
        {
            // On a range of the text, ^ and $ hold at its ends, as they do at the line's ends in the whole head.
            var line = SymbolLine().Match(original, start, end - start);
            if (line.Success)
            {
                return line;
            }
        }
        return Match.Empty;
    }

    [GeneratedRegex(@"(?:^|\n|\]|\*) ?(?<session>(?:E?S-)?[0-9]{1,3})/(?<number>[0-9]{1,4})(?: ?(?<letter>[A-Z]))?\.(?![0-9])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    // The heading of a Security Council resolution is a line of its own. Whether it is cannot be seen in the normalised
    // text, which drops line breaks next to Chinese ("第1663(2006)号决议" runs into the next line), so each match is
    // checked against the original's lines (IsOwnLine).
    [GeneratedRegex(@"(?:Resolution (?<n>[0-9]{1,5}) ?\((?<y>[0-9]{4})\)|第 ?(?<n>[0-9]{1,5}) ?\((?<y>[0-9]{4})\) ?号决议)", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
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
        var line = FirstSymbolLine(original);
        if (line.Success)
        {
            symbol = UnSymbol.Canonical(line.Groups["symbol"].Value);
        }
        else if (heading.Success)
        {
            symbol = $"A/RES/{heading.Groups["session"].Value}/{heading.Groups["number"].Value}{heading.Groups["letter"].Value}";
        }
        else if (SecurityCouncilHeading().Matches(head).FirstOrDefault(m => IsOwnLine(context.Source, m)) is { } sc)
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

    /// <summary>Whether a match in the normalised text stands alone on its line of the original (blanks around it aside).</summary>
    private static bool IsOwnLine(SourceText source, Match m)
    {
        var (start, length) = source.ToOriginal(m.Index, m.Length);
        string original = source.Original;
        int lineStart = original.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        int lineEnd = original.IndexOf('\n', start + length);
        if (lineEnd < 0)
        {
            lineEnd = original.Length;
        }
        return original.AsSpan(lineStart, start - lineStart).IsWhiteSpace()
            && original.AsSpan(start + length, lineEnd - start - length).IsWhiteSpace();
    }
}
