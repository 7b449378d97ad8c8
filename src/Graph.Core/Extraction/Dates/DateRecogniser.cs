using System.Text.RegularExpressions;
using Graph.Model;

namespace Graph.Extraction.Dates;

/// <summary>
/// Dates in Chinese (<c>2011年12月9日</c>, <c>2020年11月23日至27日</c>) and English (<c>9 December 2011</c>,
/// <c>5 to 7 September 2016</c>, <c>30 November to 2 December 2016</c>, <c>28 December 2015 to 3 January 2016</c>).
/// A date that names no real day, or a range that ends before it starts, is skipped.
/// Dates are not references themselves; recognisers attach them to the reference they belong to.
/// </summary>
internal static partial class DateRecogniser
{
    private const string Months = "January|February|March|April|May|June|July|August|September|October|November|December";

    [GeneratedRegex(@"(?<y>[0-9]{4}) ?年 ?(?<m>[0-9]{1,2}) ?月 ?(?<d>[0-9]{1,2}) ?日(?:至(?:(?:(?<y2>[0-9]{4})年)?(?<m2>[0-9]{1,2})月)?(?<d2>[0-9]{1,2})日)?",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    internal static partial Regex ChineseDate();

    // Between the parts of an English date a line may end ("of 9\nDecember 2011"): the normaliser keeps that break as
    // one \n, so each gap is a space or a line break. A range may cross a year ("28 December 2015 to 3 January 2016"):
    // then the first day has its own year (y1).
    [GeneratedRegex(@"(?<![0-9])(?<d>[0-9]{1,2})(?:(?:[ \n]to[ \n]|-|–)(?<d2>[0-9]{1,2})|[ \n](?<month>" + Months + @")(?:,?[ \n](?<y1>[0-9]{4}))?[ \n]to[ \n](?<d2>[0-9]{1,2}))?[ \n](?<m2>" + Months + @"),?[ \n](?<y>[0-9]{4})(?![0-9])",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    internal static partial Regex EnglishDate();

    // Both patterns would otherwise start at every digit of the text. A Chinese date holds 年: it starts at most 5
    // characters before its first (2013 年) and ends at most 23 after it (2015 年 12 月 28 日至2016年12月31日). An English
    // date holds a month's name: it starts at most 9 characters before its first (30 to 31 December 2016) and ends at
    // most 37 after it (30 September, 2015 to 30 September, 2016).
    internal static readonly AnchoredRegex ChineseDateNearYear = new(ChineseDate(), ["年"], before: 5, after: 23);
    internal static readonly AnchoredRegex EnglishDateNearMonth = new(EnglishDate(), Months.Split('|'), before: 9, after: 37);

    public static List<DateMatch> FindAll(string text)
    {
        var found = new List<DateMatch>();
        foreach (Match m in ChineseDateNearYear.Matches(text))
        {
            int y = Int(m, "y"), month = Int(m, "m"), d = Int(m, "d");
            if (DateRange.TryCreate(y, month, d) is not { } start)
            {
                continue;
            }
            DateOnly? end = null;
            if (m.Groups["d2"].Success)
            {
                end = DateRange.TryCreate(m.Groups["y2"].Success ? Int(m, "y2") : y, m.Groups["m2"].Success ? Int(m, "m2") : month, Int(m, "d2"));
            }
            found.Add(new DateMatch(m.Index, m.Length, new DateRange(start, end)));
        }
        foreach (Match m in EnglishDateNearMonth.Matches(text))
        {
            int y = Int(m, "y");
            int lastMonth = MonthNumber(m.Groups["m2"].Value);
            int firstMonth = m.Groups["month"].Success ? MonthNumber(m.Groups["month"].Value) : lastMonth;
            if (m.Groups["d2"].Success)
            {
                int firstYear = m.Groups["y1"].Success ? Int(m, "y1") : y;
                if (DateRange.TryCreate(firstYear, firstMonth, Int(m, "d")) is { } s && DateRange.TryCreate(y, lastMonth, Int(m, "d2")) is { } e && s < e)
                {
                    found.Add(new DateMatch(m.Index, m.Length, new DateRange(s, e)));
                }
            }
            else if (DateRange.TryCreate(y, lastMonth, Int(m, "d")) is { } day)
            {
                found.Add(new DateMatch(m.Index, m.Length, new DateRange(day)));
            }
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);

    private static int MonthNumber(string name) => name switch
    {
        "January" => 1, "February" => 2, "March" => 3, "April" => 4, "May" => 5, "June" => 6,
        "July" => 7, "August" => 8, "September" => 9, "October" => 10, "November" => 11, _ => 12,
    };
}
