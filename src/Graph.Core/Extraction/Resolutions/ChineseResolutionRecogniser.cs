using System.Buffers;
using System.Text.RegularExpressions;
using Graph.Model;
using static Graph.Extraction.Resolutions.ResolutionNumber;

namespace Graph.Extraction.Resolutions;

/// <summary>
/// Chinese citations of resolutions and decisions: <c>第66/69号决议</c>, <c>第1325(2000)号决议</c>,
/// <c>第58/519号决定</c>. In a list only the last item names the kind (<c>第63/71号和……第74/62号决议</c>),
/// and a list may mix kinds (<c>……第57/81号决议、……第58/519号决定以及……第67/50号决议</c>): an item
/// without a kind takes the kind of the first <c>号决议</c> or <c>号决定</c> after it in the same clause.
/// The date of an item stands just before it (<c>2011年12月9日第66/69号决议</c>).
/// </summary>
internal sealed partial class ChineseResolutionRecogniser : Recogniser
{
    [GeneratedRegex(@"第(?:A/RES/)?" + Pattern + @" ?号(?<kind>决议|决定)?", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Item();

    private static readonly SearchValues<char> KindOrBreakStart = SearchValues.Create(",;。号");

    [GeneratedRegex(@"(?<organ>大会|安全理事会|安理会|人权理事会|经济及社会理事会|经社理事会|人权委员会)[^,;。第]{0,30}?$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex OrganBefore();

    public override void Recognise(ExtractionContext context)
    {
        string text = context.Text;
        // Kind words and clause breaks are found once, so an item's kind is a lookup, not a scan ahead.
        var marks = KindsAndBreaks(text);
        int previousEnd = -1;
        var previousOrgan = Organ.Unstated;
        foreach (Match item in Item().Matches(text))
        {
            ReferenceKind? kind = KindOf(item.Groups["kind"]);
            kind ??= KindAhead(marks, item.Index + item.Length);
            if (kind is null)
            {
                // 第66/69号 with no 决议 or 决定 to its clause's end could be either; say so rather than guess.
                context.Diagnose("kind-unstated", "a resolution-style number without 决议 or 决定 after it in its clause; not taken as a reference", item.Index, item.Length);
                continue;
            }

            var date = context.DateEndingAt(item.Index);
            int lookFrom = date?.Start ?? item.Index;
            bool sameList = previousEnd >= 0 && lookFrom - previousEnd < 200 && !ContainsClauseBreak(text, previousEnd, lookFrom);
            var organ = OrganBeforeItem(text, sameList ? previousEnd : Math.Max(0, lookFrom - 40), lookFrom)
                ?? (sameList ? previousOrgan : context.Identity.Body == "SC" ? Organ.SecurityCouncil : Organ.Unstated);

            // The surface includes the date written before the item, as the English one includes the date after it.
            int start = date?.Start ?? item.Index;
            foreach (string id in Ids(item, kind.Value, organ, out string? assumption))
            {
                context.Add(new Candidate(kind.Value, id, start, item.Index + item.Length - start) { Date = date?.Date });
                if (assumption is not null)
                {
                    context.Diagnose("organ-assumed", assumption, item.Index, item.Length);
                }
            }
            previousEnd = item.Index + item.Length;
            previousOrgan = organ;
        }
    }

    /// <summary>
    /// Where each <c>号决议</c> / <c>号 决定</c> (with its kind) and each clause break (<c>,</c> <c>;</c> <c>。</c>, without)
    /// stands, in order: what the regex <c>号 ?(决议|决定)|[,;。]</c> finds, without a match object for every comma.
    /// </summary>
    private static List<(int Index, ReferenceKind? Kind)> KindsAndBreaks(string text)
    {
        var marks = new List<(int Index, ReferenceKind? Kind)>();
        for (int at = 0; at < text.Length;)
        {
            int hit = text.AsSpan(at).IndexOfAny(KindOrBreakStart);
            if (hit < 0)
            {
                break;
            }
            at += hit;
            if (text[at] != '号')
            {
                marks.Add((at, null));
                at++;
                continue;
            }
            int word = at + 1 < text.Length && text[at + 1] == ' ' ? at + 2 : at + 1;
            if (word + 1 < text.Length && text[word] == '决' && text[word + 1] is '议' or '定')
            {
                marks.Add((at, text[word + 1] == '定' ? ReferenceKind.Decision : ReferenceKind.Resolution));
                at = word + 2;
            }
            else
            {
                at++;
            }
        }
        return marks;
    }

    /// <summary>The kind named by the first 号决议 or 号决定 at or after <paramref name="from"/>, unless the clause ends first.</summary>
    private static ReferenceKind? KindAhead(List<(int Index, ReferenceKind? Kind)> marks, int from)
    {
        int lo = 0, hi = marks.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (marks[mid].Index < from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo < marks.Count ? marks[lo].Kind : null;
    }

    private static ReferenceKind? KindOf(Group g) =>
        !g.Success ? null : g.Value == "决定" ? ReferenceKind.Decision : ReferenceKind.Resolution;

    private static bool ContainsClauseBreak(string text, int from, int to) =>
        text.AsSpan(from, to - from).IndexOfAny(",;。") >= 0;

    private static Organ? OrganBeforeItem(string text, int from, int to)
    {
        if (to <= from)
        {
            return null;
        }
        // The span is the whole input to the pattern ($ is its end), as a substring would be, without copying it.
        var m = OrganBefore().Match(text, from, to - from);
        return !m.Success ? null : m.Groups["organ"].Value switch
        {
            "大会" => Organ.GeneralAssembly,
            "安全理事会" or "安理会" => Organ.SecurityCouncil,
            "人权理事会" => Organ.HumanRightsCouncil,
            "经济及社会理事会" or "经社理事会" => Organ.EconomicAndSocialCouncil,
            _ => Organ.CommissionOnHumanRights,
        };
    }
}
