using System.Globalization;
using System.Text.RegularExpressions;
using Graph.Model;
using Graph.Text;

namespace Graph.Extraction.Sessions;

/// <summary>
/// Sessions of the General Assembly (<c>第七十届会议</c>, <c>its seventieth session</c> → <c>A/70</c>; special
/// and emergency special sessions → <c>A/S-27</c>, <c>A/ES-10</c>) and of the Human Rights Council
/// (<c>A/HRC/31</c>), and agenda items (<c>议程项目 103(ll)</c>, <c>agenda item 97 (b)</c> →
/// <c>A/75/item/103(ll)</c>). Sessions of other bodies (a conference, a commission, a committee) are not
/// General Assembly sessions and are left out rather than guessed.
/// </summary>
internal sealed partial class SessionRecogniser : Recogniser
{
    [GeneratedRegex(@"第(?<n>[一二三四五六七八九十百零〇两]{1,8}|[0-9]{1,3})届(?<kind>紧急特别会议|特别会议|会议)", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Chinese();

    // The body a Chinese session belongs to is the last one named just before it.
    [GeneratedRegex(@"(?<body>大会|人权理事会|理事会|委员会|缔约国|会议|机构)[^,;。]{0,6}?$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex ChineseBodyBefore();

    [GeneratedRegex(@"\b(?:(?<num>[0-9]{1,3})(?:st|nd|rd|th)|(?<ord>[a-z]{3,12}(?:-[a-z]{3,12})?)) (?<kind>(?:emergency )?special )?session\b", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex English();

    [GeneratedRegex(@"\G(?:,? of the (?<body>[A-Z][A-Za-z ]{2,40}))", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishBodyAfter();

    [GeneratedRegex(@"(?<body>General Assembly|Assembly|Human Rights Council|Council|Commission|Committee|Conference|Board|Meeting|Parties|Forum)\b[^.;]{0,60}?$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex EnglishBodyBefore();

    [GeneratedRegex(@"(?:议程项目|\b[Aa]genda items? )(?<n>[0-9]{1,3})(?: ?\((?<sub>[a-z]{1,4})\))?", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex AgendaItem();

    private enum Body { GeneralAssembly, HumanRightsCouncil, Other }

    public override void Recognise(ExtractionContext context)
    {
        string text = context.Text;
        var sessions = new List<Candidate>();
        foreach (Match m in Chinese().Matches(text))
        {
            var body = ChineseBody(text, m.Index);
            if (body != Body.Other && Numerals.ParseChinese(m.Groups["n"].Value) is { } n and < 1000)
            {
                sessions.Add(Session(m, n, body, m.Groups["kind"].Value switch { "紧急特别会议" => "ES-", "特别会议" => "S-", _ => "" }));
            }
        }
        foreach (Match m in English().Matches(text))
        {
            int? n = m.Groups["num"].Success ? int.Parse(m.Groups["num"].Value, CultureInfo.InvariantCulture) : Numerals.ParseEnglishOrdinal(m.Groups["ord"].Value);
            var body = EnglishBody(text, m);
            if (n is > 0 and < 1000 && body != Body.Other)
            {
                string kind = m.Groups["kind"].Value;
                sessions.Add(Session(m, n.Value, body, kind.StartsWith("emergency", StringComparison.Ordinal) ? "ES-" : kind.Length > 0 ? "S-" : ""));
            }
        }
        sessions.ForEach(context.Add);

        foreach (Match m in AgendaItem().Matches(text))
        {
            // The session an item belongs to is the one named just before it (a header's "第七十五届会议 议程项目 103"),
            // else the document's own.
            string? session = sessions.LastOrDefault(s => s.End <= m.Index && m.Index - s.End <= 12 && s.Id.StartsWith("A/", StringComparison.Ordinal) && !s.Id.StartsWith("A/HRC", StringComparison.Ordinal))?.Id[2..]
                ?? context.Identity.Session;
            string item = m.Groups["n"].Value + (m.Groups["sub"].Success ? $"({m.Groups["sub"].Value})" : "");
            if (session is null)
            {
                context.Diagnose("session-unknown", "an agenda item in a document whose session is not known", m.Index, m.Length);
                context.Add(new Candidate(ReferenceKind.AgendaItem, $"A/item/{item}", m.Index, m.Length));
                continue;
            }
            context.Add(new Candidate(ReferenceKind.AgendaItem, $"A/{session}/item/{item}", m.Index, m.Length));
        }
    }

    private static Candidate Session(Match m, int n, Body body, string prefix) =>
        new(ReferenceKind.Session, body == Body.HumanRightsCouncil ? $"A/HRC/{prefix}{n}" : $"A/{prefix}{n}", m.Index, m.Length) { Number = n };

    private static Body ChineseBody(string text, int index)
    {
        var m = ChineseBodyBefore().Match(text[Math.Max(0, index - 16)..index]);
        return !m.Success ? Body.GeneralAssembly : m.Groups["body"].Value switch
        {
            "大会" => Body.GeneralAssembly,
            "人权理事会" => Body.HumanRightsCouncil,
            _ => Body.Other,
        };
    }

    private static Body EnglishBody(string text, Match session)
    {
        var after = EnglishBodyAfter().Match(text, session.Index + session.Length);
        string? named = after.Success ? after.Groups["body"].Value : null;
        if (named is null)
        {
            var before = EnglishBodyBefore().Match(text[Math.Max(0, session.Index - 80)..session.Index]);
            named = before.Success ? before.Groups["body"].Value : null;
        }
        if (named is null || named.StartsWith("General Assembly", StringComparison.Ordinal) || named == "Assembly")
        {
            return Body.GeneralAssembly;
        }
        return named.StartsWith("Human Rights Council", StringComparison.Ordinal) ? Body.HumanRightsCouncil : Body.Other;
    }
}
