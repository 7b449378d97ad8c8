using System.Text.RegularExpressions;
using Graph.Model;
using Graph.Text;

namespace Graph.Extraction.Symbols;

/// <summary>
/// UN document symbols of every series (<c>A/68/305</c>, <c>A/C.1/75/L.41</c>, <c>S/PRST/2001/21</c>,
/// <c>CCM/CONF/2015/7</c>, <c>A/RES/75/62</c>, <c>S/RES/1663 (2006)</c>), joint symbols
/// (<c>A/55/985-S/2001/574</c>), attachments written after a symbol (<c>A/60/88 和 Corr.2</c>,
/// <c>S/11670和Corr.1和2</c>), symbols in undocs.org links, symbols broken across lines after a slash,
/// and the pinpoint that follows (<c>，第 96 段</c>, <c>, annex I</c>).
/// </summary>
/// <remarks>
/// A symbol needs a slash and a digit; that keeps words such as <c>I/O</c> and <c>UN/DESA</c> out. It must not
/// follow a letter, digit, slash or dot, so the tail of a longer token (a URL path, <c>6A/68/63</c>) is not read as one.
/// </remarks>
internal sealed partial class SymbolRecogniser : Recogniser
{
    private const string First = @"[A-Z][A-Z0-9]{0,9}(?:\.[0-9]{1,4})?";
    // The numbered form comes first: tried the other way round, the word form takes "ES" of "ES-10" (A/ES-10/PV.37,
    // A/RES/ES-10/19), the symbol ends there without a digit and is lost.
    private const string Component = @"(?:(?:E?S-)?[0-9]{1,5}[A-Z]?(?![A-Za-z])|[A-Z][A-Za-z]{0,11}(?:\.[0-9A-Z]{1,7}){0,2})";
    private const string Symbol = First + @"(?:/\n?" + Component + @"){1,12}";

    [GeneratedRegex(@"(?<![A-Za-z0-9/.\-])(?<symbol>" + Symbol + @")(?:-\n?(?<joint>" + Symbol + @"))?",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex SymbolPattern();

    [GeneratedRegex(@"https?://(?:www\.)?undocs\.org/(?:(?:ar|zh|ch|en|fr|ru|es)/)?(?<symbol>" + Symbol + @")",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    // Resolutions keep the session or year in brackets after the number: S/RES/1663 (2006), A/RES/2200 A (XXI).
    [GeneratedRegex(@"\G(?<letter> ?[A-Z])? ?\((?<session>(?:19|20)[0-9]{2}|(?:E?S-)?[IVXLC]{1,8})\)", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex BracketedSession();

    [GeneratedRegex(@"\G ?(?:and|和|及|以及|、|,) ?(?<type>Corr|Add|Rev|Amend)\.(?<n>[0-9]{1,3})(?![0-9])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Attachment();

    [GeneratedRegex(@"\G ?(?:and|和|及|、|,) ?(?<n>[0-9]{1,3})(?![0-9./A-Za-z])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex MoreOfTheSame();

    [GeneratedRegex(@"^(?:S|A|E)/RES/[0-9]{1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberWithoutSession();

    public override void Recognise(ExtractionContext context)
    {
        string text = context.Text;
        var links = new List<(int Start, int End)>();
        foreach (Match link in Link().Matches(text))
        {
            var symbol = link.Groups["symbol"];
            if (ContainsDigit(symbol.Value))
            {
                string id = UnSymbol.Canonical(symbol.Value);
                int end = link.Index + link.Length;
                // A Security Council resolution keeps its year in a link too: https://undocs.org/S/RES/1325(2000).
                if (NumberWithoutSession().IsMatch(id) && BracketedSession().Match(text, end) is { Success: true } bracket)
                {
                    id = $"{id}{bracket.Groups["letter"].Value.Trim()}({bracket.Groups["session"].Value})";
                    end = bracket.Index + bracket.Length;
                }
                context.Add(new Candidate(UnSymbol.KindOf(id), id, link.Index, end - link.Index));
                links.Add((link.Index, end));
            }
        }

        foreach (Match m in SymbolPattern().Matches(text))
        {
            if (Spans.IndexHolding(links, m.Index) >= 0 || !ContainsDigit(m.Groups["symbol"].Value))
            {
                continue;
            }
            int end = m.Index + m.Length;
            string first = UnSymbol.Canonical(m.Groups["symbol"].Value);
            string? second = m.Groups["joint"].Success ? UnSymbol.Canonical(m.Groups["joint"].Value) : null;
            if (second is null && NumberWithoutSession().IsMatch(first))
            {
                var bracket = BracketedSession().Match(text, end);
                if (bracket.Success)
                {
                    first = $"{first}{bracket.Groups["letter"].Value.Trim()}({bracket.Groups["session"].Value})";
                    end = bracket.Index + bracket.Length;
                }
            }
            string id = second is null ? first : $"{first}-{second}";
            int symbolEnd = end;
            var attachments = ReadAttachments(text, ref end);
            // A pinpoint after attachments ("A/60/88 和 Corr.2，附件") points into the document as corrected: all of them.
            string? pinpoint = Pinpoint.Read(text, ref end);

            context.Add(new Candidate(UnSymbol.KindOf(first), id, m.Index, symbolEnd - m.Index) { Pinpoint = pinpoint });
            foreach (var (suffix, start, length) in attachments)
            {
                string attached = second is null ? $"{first}/{suffix}" : $"{first}/{suffix}-{second}/{suffix}";
                context.Add(new Candidate(ReferenceKind.Document, attached, start, length) { Pinpoint = pinpoint });
            }
        }
    }

    private static List<(string Suffix, int Start, int Length)> ReadAttachments(string text, ref int end)
    {
        var found = new List<(string, int, int)>();
        for (int guard = 0; guard < 10; guard++)
        {
            var a = Attachment().Match(text, end);
            if (!a.Success)
            {
                break;
            }
            string type = a.Groups["type"].Value;
            found.Add(($"{type}.{a.Groups["n"].Value}", a.Groups["type"].Index, a.Index + a.Length - a.Groups["type"].Index));
            end = a.Index + a.Length;
            for (int more = 0; more < 10; more++)
            {
                var n = MoreOfTheSame().Match(text, end);
                if (!n.Success)
                {
                    break;
                }
                found.Add(($"{type}.{n.Groups["n"].Value}", n.Groups["n"].Index, n.Groups["n"].Length));
                end = n.Index + n.Length;
            }
        }
        return found;
    }

    private static bool ContainsDigit(string s) => s.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
}
