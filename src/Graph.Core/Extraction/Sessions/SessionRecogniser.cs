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

    // The body a Chinese session belongs to is the last one named just before it. Other bodies are called
    // assemblies too (缔约国大会 of a convention, 环境大会, 卫生大会, 劳工大会, 原子能机构大会, 组织大会): their names,
    // listed before the bare 大会, win at the same place, so their sessions are not the General Assembly's.
    [GeneratedRegex(@"(?<body>(?:缔约国|缔约方|环境|卫生|劳工|机构|组织)大会|大会|人权理事会|理事会|委员会|缔约国|会议|机构)[^,;。]{0,6}?$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex ChineseBodyBefore();

    // The ordinal starts a word: not after a hyphen, so "Seventy-fifth" is not read from "fifth". A header writes it
    // with a capital ("Seventy-fifth session"). PDF extraction sometimes joins a compound broken at its hyphen
    // ("seventy-\nfirst" → "seventyfirst"), so it may also come without its hyphen (up to 16 letters: "seventyseventh").
    [GeneratedRegex(@"(?<![A-Za-z0-9-])(?:(?<num>[0-9]{1,3})(?:st|nd|rd|th)|(?<ord>[A-Za-z][a-z]{2,15}(?:-[a-z]{3,12})?))[ \n](?<kind>(?:emergency[ \n])?special[ \n])?session\b", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    internal static partial Regex English();

    // Every match ends in "session", at most 48 characters after it starts (a 29-letter ordinal, a space and
    // "emergency special "): the regex runs only there, not at every word of the text.
    internal static readonly AnchoredRegex EnglishNearSession = new(English(), ["session"], before: 48, after: "session".Length);

    // The body a session belongs to, named right after it: "session of the Commission on …", or a body as the subject
    // of the clause, "at its sixty-third session, the Legal Subcommittee … continued". The second takes only a body's
    // name, so "at its eightieth session, the Secretary-General's report" is still the Assembly's.
    [GeneratedRegex(@"\G(?:,? of the (?<body>[A-Z][A-Za-z ]{2,40})|, the (?<body>(?:[A-Z][a-z]{1,15} (?:and )?){0,4}(?:Subcommittee|Committee|Commission|Council|Conference|Board|Working Group|General Assembly|Assembly))\b)", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishBodyAfter();

    [GeneratedRegex(@"(?<body>General Assembly|Assembly|Human Rights Council|Council|Commission|Subcommittee|Committee|Conference|Board|Meeting|Parties|Forum|Working Group)\b[^.;]{0,60}?$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex EnglishBodyBefore();

    [GeneratedRegex(@"(?:议程项目|\b[Aa]genda (?:(?<plural>items)|item) )(?<n>[0-9]{1,3})(?: ?\((?<sub>[a-z]{1,4})\))?", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex AgendaItem();

    // The next item of a list: "agenda items 98 and 99 (a)", "议程项目 101 和 103(ll)". English lists need the plural;
    // Chinese ones join items with 和/、/及 (a comma there ends the clause). A number followed by a unit is a date or a
    // paragraph, not an item.
    [GeneratedRegex(@"\G(?:(?<en>,? and |, )|(?<zh>和|、|及|以及))(?<n>[0-9]{1,3})(?: ?\((?<sub>[a-z]{1,4})\))?(?![0-9年月日号段./])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex NextAgendaItem();

    // Tens that a joined compound ordinal starts with: "seventyfirst" is "seventy-first".
    private static readonly string[] Tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

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
        foreach (Match m in EnglishNearSession.Matches(text))
        {
            int? n = m.Groups["num"].Success ? int.Parse(m.Groups["num"].Value, CultureInfo.InvariantCulture) : EnglishOrdinal(m.Groups["ord"].Value);
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
            if (session is null)
            {
                context.Diagnose("session-unknown", "an agenda item in a document whose session is not known", m.Index, m.Length);
            }
            string prefix = session is null ? "A/item/" : $"A/{session}/item/";
            context.Add(new Candidate(ReferenceKind.AgendaItem, prefix + Item(m), m.Index, m.Length));

            // The rest of a list belongs to the same session; each further item's surface is its number.
            bool chinese = m.Value.StartsWith('议');
            int end = m.Index + m.Length;
            for (int guard = 0; guard < 20; guard++)
            {
                var next = NextAgendaItem().Match(text, end);
                if (!next.Success || (chinese ? !next.Groups["zh"].Success : !(next.Groups["en"].Success && m.Groups["plural"].Success)))
                {
                    break;
                }
                int start = next.Groups["n"].Index;
                end = next.Index + next.Length;
                context.Add(new Candidate(ReferenceKind.AgendaItem, prefix + Item(next), start, end - start));
            }
        }
    }

    private static string Item(Match m) => m.Groups["n"].Value + (m.Groups["sub"].Success ? $"({m.Groups["sub"].Value})" : "");

    /// <summary>An English ordinal in words, also with the hyphen of a compound lost where a line break was joined.</summary>
    private static int? EnglishOrdinal(string words)
    {
        if (Numerals.ParseEnglishOrdinal(words) is { } n)
        {
            return n;
        }
        string lower = words.ToLowerInvariant();
        foreach (string tens in Tens)
        {
            if (lower.Length > tens.Length + 2 && lower.StartsWith(tens, StringComparison.Ordinal))
            {
                return Numerals.ParseEnglishOrdinal($"{tens}-{lower[tens.Length..]}");
            }
        }
        return null;
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
