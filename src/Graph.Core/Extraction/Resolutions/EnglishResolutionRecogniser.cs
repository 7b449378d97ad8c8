using System.Text.RegularExpressions;
using Graph.Extraction.Symbols;
using Graph.Model;
using static Graph.Extraction.Resolutions.ResolutionNumber;

namespace Graph.Extraction.Resolutions;

/// <summary>
/// English citations of resolutions and decisions: <c>resolution 66/69 of 9 December 2011</c>,
/// <c>resolutions 63/71 of 2 December 2008, 70/54 of 7 December 2015 and 74/62 of 12 December 2019</c>,
/// <c>Security Council resolutions 1674 (2006) and 1894 (2009)</c>, <c>Human Rights Council resolution 31/1</c>,
/// <c>decision 58/519</c>. The keyword opens a list; every item of the list is a reference of the keyword's kind.
/// </summary>
internal sealed partial class EnglishResolutionRecogniser : Recogniser
{
    [GeneratedRegex(@"\b(?:(?<organ>General Assembly|Security Council|Human Rights Council|Economic and Social Council|Commission on Human Rights)(?: \(?[A-Z]{2,8}\)?)? )?(?:[a-z]{1,40} ){0,2}(?<keyword>[Rr]esolutions?|[Dd]ecisions?)[ \n]",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    internal static partial Regex Keyword();

    // Every match holds "esolution" or "ecision" at most 122 characters after it starts (the longest organ, an
    // 8-letter abbreviation in brackets, two 40-letter words and the keyword's capital) and ends at most 11 after
    // it: the regex runs only there, not at every word of the text.
    internal static readonly AnchoredRegex KeywordNearby = new(Keyword(), ["esolution", "ecision"], before: 122, after: 11);

    [GeneratedRegex(@"\G(?:A/RES/)?" + Pattern, RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Item();

    [GeneratedRegex(@"\G,?[ \n](?:of|adopted on)[ \n]", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex DateLead();

    [GeneratedRegex(@"\G(?:,[ \n](?:and[ \n]|as well as[ \n])?|[ \n](?:and|as well as|or)[ \n])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    private const int MaxItems = 60;

    public override void Recognise(ExtractionContext context)
    {
        string text = context.Text;
        foreach (Match keyword in KeywordNearby.Matches(text))
        {
            var kind = keyword.Groups["keyword"].Value.StartsWith('d') || keyword.Groups["keyword"].Value.StartsWith('D')
                ? ReferenceKind.Decision
                : ReferenceKind.Resolution;
            var organ = OrganOf(keyword.Groups["organ"].Value, context);
            int position = keyword.Index + keyword.Length;
            // The first item's surface includes the words that make it a citation: "resolution 66/69 of 9 December 2011".
            int surfaceStart = keyword.Groups["organ"].Success ? keyword.Groups["organ"].Index : keyword.Groups["keyword"].Index;
            for (int items = 0; items < MaxItems; items++)
            {
                var item = Item().Match(text, position);
                if (!item.Success)
                {
                    break;
                }
                int end = item.Index + item.Length;
                DateRange? date = null;
                var lead = DateLead().Match(text, end);
                if (lead.Success && context.DateStartingAt(lead.Index + lead.Length) is { } d)
                {
                    date = d.Date;
                    end = d.End;
                }
                int start = items == 0 ? surfaceStart : item.Index;
                // Where inside the resolution ("Resolution 69/137, annex I"): read as after a document symbol, and
                // left out of the surface, as there.
                int next = end;
                string? pinpoint = Pinpoint.Read(text, ref next);
                foreach (string id in Ids(item, kind, organ, out string? assumption))
                {
                    context.Add(new Candidate(kind, id, start, end - start) { Date = date, Pinpoint = pinpoint });
                    if (assumption is not null)
                    {
                        context.Diagnose("organ-assumed", assumption, item.Index, item.Length);
                    }
                }
                var separator = Separator().Match(text, next);
                if (!separator.Success)
                {
                    break;
                }
                position = separator.Index + separator.Length;
            }
        }
    }

    private static Organ OrganOf(string named, ExtractionContext context) => named switch
    {
        "General Assembly" => Organ.GeneralAssembly,
        "Security Council" => Organ.SecurityCouncil,
        "Human Rights Council" => Organ.HumanRightsCouncil,
        "Economic and Social Council" => Organ.EconomicAndSocialCouncil,
        "Commission on Human Rights" => Organ.CommissionOnHumanRights,
        _ => context.Identity.Body == "SC" ? Organ.SecurityCouncil : Organ.Unstated,
    };
}
