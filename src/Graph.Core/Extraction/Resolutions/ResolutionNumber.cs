using System.Globalization;
using System.Text.RegularExpressions;
using Graph.Model;

namespace Graph.Extraction.Resolutions;

/// <summary>
/// The number part of a resolution or decision citation, in its three forms, and the canonical ids it
/// stands for. Shared by the English and Chinese recognisers: the forms are written the same in both.
/// </summary>
internal static class ResolutionNumber
{
    /// <summary>
    /// Session/number (<c>66/69</c>, <c>S-13/2</c>, <c>ES-8/2</c>, ECOSOC's year/number <c>1980/67</c>) with
    /// optional letters (<c>51/45N</c>, <c>49/222 A and B</c>); Security Council number and year
    /// (<c>1325 (2000)</c>); pre-1976 number, letters and Roman session (<c>1514 (XV)</c>, <c>3419 A to D (XXX)</c>).
    /// Letters must stand alone (a capital followed by a letter starts a word, not a suffix).
    /// </summary>
    public const string Pattern =
        @"(?:(?<session>(?:E?S-)?[0-9]{1,3}|[0-9]{4})/(?<number>[0-9]{1,4})(?<letters> ?[A-Z](?: ?(?:and|to|和|至|到|-|–) ?[A-Z])?(?![A-Za-z]))?(?![0-9/])"
        + @"|(?<scnumber>[0-9]{1,4}) ?\((?<year>(?:19|20)[0-9]{2})\)"
        + @"|(?<oldnumber>[0-9]{1,4})(?<oldletters> ?[A-Z](?: ?(?:and|to|和|至|到|-|–) ?[A-Z])?)? ?\((?<roman>(?:E?S-)?[IVXLC]{1,8})\))";

    /// <summary>The organs whose resolutions GA texts cite, each with its own series of symbols.</summary>
    public enum Organ { Unstated, GeneralAssembly, SecurityCouncil, HumanRightsCouncil, EconomicAndSocialCouncil, CommissionOnHumanRights }

    /// <summary>
    /// The canonical ids a matched number stands for: one per letter. Returns an empty list when the parts
    /// do not form a citation (a Roman numeral that is not one).
    /// </summary>
    public static List<string> Ids(Match m, ReferenceKind kind, Organ organ, out string? assumption)
    {
        assumption = null;
        var ids = new List<string>();
        string series = kind == ReferenceKind.Decision ? "DEC" : "RES";
        if (m.Groups["scnumber"].Success)
        {
            if (kind == ReferenceKind.Resolution)
            {
                ids.Add($"S/RES/{m.Groups["scnumber"].Value}({m.Groups["year"].Value})");
            }
            return ids;
        }
        if (m.Groups["oldnumber"].Success)
        {
            string roman = m.Groups["roman"].Value;
            if (Text.Numerals.ParseRoman(roman.Split('-')[^1]) is null)
            {
                return ids;
            }
            string prefix = organ == Organ.EconomicAndSocialCouncil ? "E" : "A";
            foreach (string letter in Letters(m.Groups["oldletters"].Value))
            {
                ids.Add($"{prefix}/{series}/{m.Groups["oldnumber"].Value}{letter}({roman})");
            }
            return ids;
        }
        string session = m.Groups["session"].Value, number = m.Groups["number"].Value;
        bool yearForm = session.Length == 4 && session.All(char.IsAsciiDigit);
        string stem;
        if (yearForm)
        {
            if (organ is not (Organ.EconomicAndSocialCouncil or Organ.CommissionOnHumanRights))
            {
                assumption = "a year/number citation without its organ; taken as the Economic and Social Council's";
            }
            stem = organ == Organ.CommissionOnHumanRights ? $"E/CN.4/{series}" : $"E/{series}";
        }
        else
        {
            stem = organ == Organ.HumanRightsCouncil ? $"A/HRC/{series}" : $"A/{series}";
        }
        foreach (string letter in Letters(m.Groups["letters"].Value))
        {
            ids.Add($"{stem}/{session}/{number}{letter}");
        }
        return ids;
    }

    /// <summary>"" for no letters; "A and B" → A, B; "A to D" → A, B, C, D.</summary>
    private static IEnumerable<string> Letters(string written)
    {
        var letters = written.Where(char.IsAsciiLetterUpper).ToArray();
        if (letters.Length == 0)
        {
            return [""];
        }
        if (letters.Length == 2 && (written.Contains("to", StringComparison.Ordinal) || written.Contains('至', StringComparison.Ordinal) || written.Contains('到', StringComparison.Ordinal)))
        {
            if (letters[1] <= letters[0])
            {
                return [letters[0].ToString()];
            }
            return Enumerable.Range(letters[0], letters[1] - letters[0] + 1).Select(c => ((char)c).ToString(CultureInfo.InvariantCulture));
        }
        return letters.Select(c => c.ToString(CultureInfo.InvariantCulture));
    }
}
