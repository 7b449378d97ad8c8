using System.Globalization;
using System.Text.RegularExpressions;
using Graph.Model;
using Graph.Text;

namespace Graph.Extraction.Treaties;

/// <summary>
/// Treaties, found by the gazetteer's titles, aliases and abbreviations in running text (<c>《集束弹药公约》</c>,
/// <c>the Convention on Cluster Munitions</c>, <c>CCW</c>); by relative reference (<c>Protocol V to the 1980
/// Convention</c>, <c>1980 年公约第五议定书</c>, <c>《日内瓦四公约》…附加议定书(第一议定书)</c>, and <c>Protocol V to the
/// Convention</c> / <c>《公约》第五议定书</c> for a protocol of the convention the resolution is about); by Treaty Series
/// citation (<c>United Nations, Treaty Series, vol. 2515, No. 44910</c>, <c>《条约汇编》，第 2515 卷，第 44910 号</c>,
/// and <c>同上，第 2688 卷</c> after one; <c>vol. 75, Nos. 970–973</c> is one treaty per number); and <c>《公约》</c> /
/// <c>the Convention</c> for the convention the resolution's title names. A title in 《》 the gazetteer does not know still comes out: as a treaty with an id derived from it
/// and a diagnostic when it reads like one (…公约, …条约, …议定书), otherwise as a document cited by its title
/// (<c>《行动纲领》</c>). <c>《条约汇编》</c> is the Treaty Series itself, never a reference on its own.
/// </summary>
internal sealed partial class TreatyRecogniser : Recogniser
{
    private readonly TreatyGazetteer gazetteer;
    private readonly TreatyNameScanner names;

    // The treaties that have numbered protocols: "the 1980 Convention" can only be one of them.
    private readonly HashSet<string> protocolParents;

    public TreatyRecogniser(TreatyGazetteer gazetteer)
    {
        this.gazetteer = gazetteer;
        names = new TreatyNameScanner(gazetteer);
        protocolParents = gazetteer.All.Where(t => t.Protocol is not null).Select(t => t.Parent!).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"《(?<title>[^《》\n]{1,160})》", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"(?:公约|条约|议定书|协定|宪章|盟约|规约)$", RegexOptions.CultureInvariant)]
    private static partial Regex TreatyLikeTitle();

    [GeneratedRegex(@"(?<![A-Za-z])(?<abbr>[A-Z]{3,6})(?![A-Za-z/])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Abbreviation();

    // 联合国，《条约汇编》，第 2515 卷，第 44910 号 / United Nations, Treaty Series, vol. 2515, No. 44910; "同上"/"Ibid."
    // stands for the Treaty Series when a volume and number follow it. Treaties published together are cited
    // with a list or a range of numbers: "vol. 75, Nos. 970–973" (the four Geneva Conventions),
    // "第 1125 卷，第 17512 和 17513 号".
    [GeneratedRegex(@"(?:(?:联合国,)?《条约汇编》|同上),第 ?(?<volume>[0-9]{1,5}) ?卷,第 ?(?<numbers>[0-9]{1,6}(?: ?(?:-|–|至|和|、|,) ?[0-9]{1,6}){0,8}) ?号"
        + @"|(?:(?:United Nations, )?Treaty Series|Ibid\.),\s?vol\. ?(?<volume>[0-9]{1,5}),\s?(?:No\. ?(?<numbers>[0-9]{1,6})|Nos\. ?(?<numbers>[0-9]{1,6}(?:(?: ?(?:-|–|,) ?| (?:and|to) )[0-9]{1,6}){0,8}))",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex TreatySeries();

    [GeneratedRegex(@"(?<n>[0-9]{1,6})|(?<range>-|–|至|to)", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex SeriesNumber();

    // A range longer than this is not a list of treaties published together but a misreading; only its ends count.
    private const int MaxSeriesRange = 20;

    [GeneratedRegex(@"(?:(?<year>[0-9]{4}) ?年 ?)?(?:《(?<parent>[^《》\n]{1,160})》|(?<bare>公约))的?第(?<n>[一二三四五六七八九十]{1,3})(?:号)?议定书"
        + @"|《(?<parent>[^《》\n]{1,160})》[^《》,;。()]{0,40}?附加议定书 ?\(第(?<n>[一二三])议定书\)"
        + @"|\bProtocol (?<roman>[IVX]{1,4}) (?:to|of|annexed to) the (?:(?<year>[0-9]{4}) )?Convention\b",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeProtocol();

    [GeneratedRegex(@"《公约》|\bthe Convention\b(?! on| for| against| relating| concerning| of| to| in| between)", RegexOptions.CultureInvariant)]
    private static partial Regex TheConvention();

    [GeneratedRegex(@"\G,? as amended(?: (?:in|on) (?:[0-9]{1,2} [A-Z][a-z]{2,8} )?[0-9]{4})?", RegexOptions.CultureInvariant)]
    private static partial Regex AsAmendedAfter();

    [GeneratedRegex(@"修订的《?$", RegexOptions.CultureInvariant)]
    private static partial Regex AmendedBefore();

    public override void Recognise(ExtractionContext context)
    {
        string text = context.Text;
        var found = new List<Candidate>();

        foreach (Match m in TreatySeries().Matches(text))
        {
            int volume = Int(m, "volume");
            // One citation of several numbers is one treaty per number, all with the citation as surface.
            foreach (int number in SeriesNumbers(m.Groups["numbers"].Value))
            {
                var treaty = gazetteer.ByTreatySeries(volume, number);
                if (treaty is null)
                {
                    context.Diagnose("treaty-unknown", $"Treaty Series vol. {volume}, No. {number} is not in the gazetteer", m.Index, m.Length);
                }
                found.Add(treaty is null
                    ? new Candidate(ReferenceKind.Treaty, $"unts-{volume}-{number}", m.Index, m.Length)
                    : ForTreaty(treaty, m.Index, m.Length));
            }
        }

        foreach (var (start, length, treaty) in names.Scan(text))
        {
            var (amended, end) = Amended(text, treaty, start, start + length);
            found.Add(ForTreaty(amended, start, end - start));
        }

        foreach (Match m in Abbreviation().Matches(text))
        {
            if (gazetteer.ByAbbreviation(m.Groups["abbr"].Value) is { } treaty)
            {
                found.Add(ForTreaty(treaty, m.Index, m.Length));
            }
        }

        foreach (Match m in Bracketed().Matches(text))
        {
            string title = m.Groups["title"].Value;
            if (title == "条约汇编" || title == "公约")
            {
                continue;
            }
            if (gazetteer.ByName(title) is { } known)
            {
                var (amended, end) = Amended(text, known, m.Index, m.Index + m.Length);
                found.Add(ForTreaty(amended, m.Index, end - m.Index));
            }
            else if (TreatyLikeTitle().IsMatch(title))
            {
                context.Diagnose("treaty-unknown", $"《{title}》 reads like a treaty but is not in the gazetteer", m.Index, m.Length);
                found.Add(new Candidate(ReferenceKind.Treaty, "title:" + TreatyNames.Chinese(title), m.Index, m.Length) { Title = title });
            }
            else
            {
                found.Add(new Candidate(ReferenceKind.Document, "title:" + TreatyNames.Chinese(title), m.Index, m.Length) { Title = title });
            }
        }

        AddRelativeProtocols(context, found);
        AddTheConvention(context, found);
        found.ForEach(context.Add);
    }

    private void AddRelativeProtocols(ExtractionContext context, List<Candidate> found)
    {
        string text = context.Text;
        string? subject = Subject(context)?.Id;
        foreach (Match m in RelativeProtocol().Matches(text))
        {
            string? parent = m.Groups["parent"].Success && !IsTheConvention(m) ? gazetteer.ByName(m.Groups["parent"].Value)?.Id
                : m.Groups["year"].Success ? ConventionOfYear(Int(m, "year"))
                : null;
            int end = m.Index + m.Length;
            if (m.Groups["roman"].Success)
            {
                // "Protocol II to the 1980 Convention on Prohibitions or …": the Convention's title may follow, with
                // or without the year. It names the parent, and it is part of the citation of the protocol.
                var title = names.Scan(text[(end - "Convention".Length)..Math.Min(text.Length, end + 400)]).FirstOrDefault();
                if (title.Treaty is not null && title.Start == 0 && (parent is null || parent == title.Treaty.Id))
                {
                    parent = title.Treaty.Id;
                    end = end - "Convention".Length + title.Length;
                }
            }
            if (parent is null && !m.Groups["year"].Success && IsTheConvention(m))
            {
                // "Protocol V to the Convention", "《公约》第五议定书": a protocol of the convention the resolution is about.
                parent = subject;
            }
            string designation = m.Groups["roman"].Success ? m.Groups["roman"].Value
                : Numerals.ParseChinese(m.Groups["n"].Value) is { } n and < 40 ? Numerals.ToRoman(n) : "";
            if (parent is null || gazetteer.ProtocolOf(parent, designation) is not { } protocol)
            {
                continue;
            }
            // "(Protocol II to the 1980 Convention)" after the amended Protocol II's title names that same protocol.
            var apposed = found.LastOrDefault(c => c.End <= m.Index && m.Index - c.End <= 2 && text[m.Index - 1] == '('
                && gazetteer.ById(c.Id) is { Parent: { } p, Protocol: { } d } && p == parent && d.StartsWith(designation, StringComparison.Ordinal));
            var treaty = apposed is null ? protocol : gazetteer.ById(apposed.Id)!;
            found.RemoveAll(c => c.Start >= m.Index && c.End <= end);
            found.Add(ForTreaty(treaty, m.Index, end - m.Index));
        }
    }

    /// <summary>《公约》 and "the Convention" stand for the convention the resolution's title names, where it names one.</summary>
    private void AddTheConvention(ExtractionContext context, List<Candidate> found)
    {
        var subject = Subject(context);
        if (subject is null)
        {
            return;
        }
        foreach (Match m in TheConvention().Matches(context.Text))
        {
            found.Add(ForTreaty(subject, m.Index, m.Length));
        }
    }

    /// <summary>The first treaty the resolution's title names, or null: what "the Convention" / 《公约》 stands for.</summary>
    private Treaty? Subject(ExtractionContext context)
    {
        string? title = context.Identity.Title;
        return title is null ? null : names.Scan(title).Select(n => n.Treaty).FirstOrDefault(t => t.IsTreaty);
    }

    /// <summary>Whether a relative protocol names its convention only as "the Convention" / 《公约》 / 公约.</summary>
    private static bool IsTheConvention(Match m) =>
        m.Groups["roman"].Success || m.Groups["bare"].Success || m.Groups["parent"].ValueSpan.SequenceEqual("公约");

    /// <summary>The convention of a year that has protocols: "the 1980 Convention" is the CCW.</summary>
    private string? ConventionOfYear(int year)
    {
        var matches = gazetteer.All.Where(t => t.Year == year && protocolParents.Contains(t.Id)).Take(2).ToList();
        return matches.Count == 1 ? matches[0].Id : null;
    }

    /// <summary>
    /// The amended text of a protocol where the citation says so, and where the citation ends: "…(Protocol II), as
    /// amended on 3 May 1996" is the amended protocol and the words of amendment are part of its citation;
    /// "1996 年修订的《…》" is the amended protocol, cited by the title in its marks.
    /// </summary>
    private (Treaty Treaty, int End) Amended(string text, Treaty treaty, int start, int end)
    {
        if (treaty.Protocol is not { } p || p.EndsWith("-amended", StringComparison.Ordinal) || treaty.Parent is null
            || gazetteer.ProtocolOf(treaty.Parent, p + "-amended") is not { } amended)
        {
            return (treaty, end);
        }
        var after = AsAmendedAfter().Match(text, end);
        if (after.Success)
        {
            return (amended, end + after.Length);
        }
        int from = Math.Max(0, start - 8);
        bool before = AmendedBefore().IsMatch(text.AsSpan(from, start - from + (start < text.Length && text[start] == '《' ? 1 : 0)));
        return before ? (amended, end) : (treaty, end);
    }

    private static Candidate ForTreaty(Treaty treaty, int start, int length) =>
        new(treaty.IsTreaty ? ReferenceKind.Treaty : ReferenceKind.Document, treaty.Id, start, length) { Title = treaty.Title };

    /// <summary>The registration numbers of a list such as <c>970–973</c> or <c>17512 and 17513</c>, each once, in order.</summary>
    private static List<int> SeriesNumbers(string list)
    {
        var numbers = new List<int>();
        bool range = false;
        foreach (Match part in SeriesNumber().Matches(list))
        {
            if (part.Groups["range"].Success)
            {
                range = true;
                continue;
            }
            int n = int.Parse(part.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            if (range && numbers.Count > 0 && n > numbers[^1] && n - numbers[^1] <= MaxSeriesRange)
            {
                for (int k = numbers[^1] + 1; k < n; k++)
                {
                    numbers.Add(k);
                }
            }
            numbers.Add(n);
            range = false;
        }
        return numbers.Distinct().ToList();
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
}
