using System.Text;
using System.Text.RegularExpressions;
using Graph.Text;

namespace Graph.Extraction.Symbols;

/// <summary>
/// Pinpoints after a symbol: where inside the cited document. Chinese and English forms are written in one
/// English form so that the two language versions of a citation agree: <c>第96段</c> and <c>para. 96</c> are both
/// <c>para. 96</c>; <c>附件一</c> is <c>annex I</c>; <c>第五节</c> is <c>sect. V</c>; <c>第四章</c> is <c>chap. IV</c>.
/// </summary>
internal static partial class Pinpoint
{
    private const string ChineseNumber = "[一二三四五六七八九十]{1,4}";
    private const string Sub = @"(?: ?\([a-z]{1,4}\))?";

    [GeneratedRegex(
        @"\G(?:\)?(?:,|，) ?|\)?的 ?)(?:"
        + @"第 ?(?<para>[0-9]{1,4}" + Sub + @"(?: ?(?:至|-|–|和|、) ?[0-9]{1,4}" + Sub + @")?) ?段"
        + @"|附件(?<annex>" + ChineseNumber + @")?"
        + @"|第(?<sect>" + ChineseNumber + @")(?:\. ?(?<subsect>[A-Z]))? ?节"
        + @"|第(?<chap>" + ChineseNumber + @")章"
        + @"|paras?\. ?(?<para>[0-9]{1,4}" + Sub + @"(?: ?(?:-|–|and|to) ?[0-9]{1,4}" + Sub + @")?)"
        + @"|(?<annexWord>annex(?:es)?)(?![a-z])(?: (?<annexEn>[IVX]{1,5}|[0-9]{1,2})(?: and (?<annexEn2>[IVX]{1,5}|[0-9]{1,2}))?(?![A-Za-z]))?"
        + @"|sect\. ?(?<sectEn>[IVXL]{1,6}|[A-Z](?![A-Za-z]))(?:\.(?<subsect>[A-Z]))?"
        + @"|chap\. ?(?<chapEn>[IVXL]{1,6})"
        + @"|pp?\. ?(?<page>[0-9]{1,4}(?:-[0-9]{1,4})?)"
        + @")",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Part();

    /// <summary>
    /// Reads the chain of pinpoints that starts at <paramref name="position"/>, if any. Returns the canonical
    /// pinpoint (or null) and moves <paramref name="position"/> past what it read.
    /// </summary>
    public static string? Read(string text, ref int position)
    {
        var parts = new List<string>();
        for (int i = 0; i < 6; i++)
        {
            var m = Part().Match(text, position);
            if (!m.Success || Canonical(m) is not { } part)
            {
                break;
            }
            parts.Add(part);
            position = m.Index + m.Length;
        }
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static string? Canonical(Match m)
    {
        if (m.Groups["para"].Success)
        {
            string p = m.Groups["para"].Value;
            bool several = p.IndexOfAny(['至', '-', '–', '和', '、']) >= 0 || p.Contains("and", StringComparison.Ordinal) || p.Contains("to", StringComparison.Ordinal);
            return (several ? "paras. " : "para. ") + Tidy(p);
        }
        if (m.Groups["annexWord"].Success || m.Value.Contains("附件", StringComparison.Ordinal))
        {
            string n = m.Groups["annexEn"].Success ? m.Groups["annexEn"].Value
                : m.Groups["annex"].Success ? Roman(m.Groups["annex"].Value) ?? "" : "";
            if (m.Groups["annexEn2"].Success)
            {
                return "annexes " + n + " and " + m.Groups["annexEn2"].Value;
            }
            return n.Length == 0 ? "annex" : "annex " + n;
        }
        if (m.Groups["sect"].Success || m.Groups["sectEn"].Success)
        {
            string n = m.Groups["sectEn"].Success ? m.Groups["sectEn"].Value : Roman(m.Groups["sect"].Value) ?? "";
            if (n.Length == 0)
            {
                return null;
            }
            return "sect. " + n + (m.Groups["subsect"].Success ? "." + m.Groups["subsect"].Value : "");
        }
        if (m.Groups["chap"].Success || m.Groups["chapEn"].Success)
        {
            string n = m.Groups["chapEn"].Success ? m.Groups["chapEn"].Value : Roman(m.Groups["chap"].Value) ?? "";
            return n.Length == 0 ? null : "chap. " + n;
        }
        return m.Groups["page"].Success ? "p. " + m.Groups["page"].Value : null;
    }

    private static string? Roman(string chinese) => Numerals.ParseChinese(chinese) is { } n and < 4000 ? Numerals.ToRoman(n) : null;

    /// <summary><c>30(h)</c> → <c>30 (h)</c>; <c>3至5</c> → <c>3-5</c>: the UN's English way of writing them.</summary>
    private static string Tidy(string p)
    {
        var result = new StringBuilder(p.Length + 2);
        foreach (char c in p.Replace(" ", "", StringComparison.Ordinal))
        {
            switch (c)
            {
                case '(':
                    result.Append(" (");
                    break;
                case '至' or '–' or '-':
                    result.Append('-');
                    break;
                case '和' or '、':
                    result.Append("and");
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }
        return result.ToString().Replace("and", " and ", StringComparison.Ordinal).Replace("to", "-", StringComparison.Ordinal);
    }
}
