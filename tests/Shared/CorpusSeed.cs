using System.Globalization;
using System.Text.RegularExpressions;

namespace Graph.Tests.Shared;

/// <summary>What a <see cref="CorpusSlot"/> stands for, and so how a generated copy fills it.</summary>
internal enum CorpusSlotKind : byte
{
    /// <summary>The seed's own <c>session/number</c>: the heading <c>68/72.</c>, the header or running head <c>A/RES/75/62</c>.</summary>
    OwnSymbol,

    /// <summary>A cited resolution or decision, <c>session/number</c> and its letter (<c>66/69</c>, <c>51/45N</c>); item: its index in <see cref="CorpusSeed.Citations"/>.</summary>
    Citation,

    /// <summary>The number of a report symbol <c>A/68/305</c> (only <c>305</c>); item: its index in <see cref="CorpusSeed.Reports"/>.</summary>
    Report,

    /// <summary>A part of a date; item: its index in <see cref="CorpusSeed.Dates"/>.</summary>
    Year,
    Month,
    MonthName,
    Day,

    /// <summary>The last day of a range written <c>23 日至 27 日</c>; item: the date it ends, which holds the range's length.</summary>
    RangeEndDay,
}

/// <summary>One place in a seed's text that a generated copy rewrites: <c>[Start, Start + Length)</c> of <see cref="CorpusSeed.Text"/>.</summary>
internal readonly record struct CorpusSlot(int Start, int Length, CorpusSlotKind Kind, int Item);

/// <summary>A resolution or decision a seed cites. A decision is never replaced by a generated resolution.</summary>
internal sealed record CorpusCitation(string Session, string Number, string Letter, bool IsDecision);

/// <summary>A date a seed writes in full, and how many days on the range it starts ends (0 for a single day).</summary>
internal readonly record struct CorpusDate(DateOnly Date, int RangeDays);

/// <summary>
/// One seed resolution cut once into its text and the places a generated copy rewrites (its own symbol, the symbols
/// it cites, its report numbers, its dates), so that making a document costs only the substitutions.
/// </summary>
internal sealed partial class CorpusSeed
{
    // Dates older than this are left alone: treaties are named by theirs ("Geneva Conventions of 12 August 1949",
    // "1949 年 8 月 12 日《日内瓦四公约》") and the extractor's gazetteer knows them by it.
    private const int FirstShiftedYear = 1950;

    private const string Months = "January|February|March|April|May|June|July|August|September|October|November|December";

    public static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    // The symbol as a header or running head prints it, at the end of its line: "联 合 国   A/RES/75/62".
    [GeneratedRegex(@"A/RES/(?<symbol>[0-9]{2}/[0-9]{1,4}[A-Z]?)[ \t\u3000]*\r?$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex SymbolLine();

    // The heading "68/72." at the start of a line or after the adoption note "[…通过] 62/99.".
    [GeneratedRegex(@"(?:^|\]|\*)[ \t]?(?<symbol>[0-9]{2}/[0-9]{1,4}[A-Z]?)\.(?![0-9])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex Heading();

    // session/number with an optional letter, standing alone or after A/RES/. Never inside a longer number or symbol:
    // A/68/421, CCM/MSP/2016/9, A/CONF.192/2012 and the page number 3/4 (one digit) are not citations.
    [GeneratedRegex(@"(?:(?<=A/RES/)|(?<![0-9A-Za-z./\-]))(?<session>[1-9][0-9])/(?<number>[0-9]{1,4})(?<letter>[A-Z]?)(?![0-9A-Za-z/])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex SessionNumber();

    [GeneratedRegex(@"(?<![0-9A-Za-z./\-])A/(?<session>[0-9]{2})/(?<number>[0-9]{1,4})(?![0-9])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ReportSymbol();

    // PDF conversion leaves blanks and line breaks between the parts: "2017\n\n年 12 月 4 日", "1 月 1日至 20 日".
    [GeneratedRegex(@"(?<![0-9])(?<y>[0-9]{4})[ \n]{0,4}年[ \n]{0,4}(?<m>[0-9]{1,2})[ \n]{0,4}月[ \n]{0,4}(?<d>[0-9]{1,2})[ \n]{0,4}日(?:至[ \n]{0,4}(?<d2>[0-9]{1,2})[ \n]{0,4}日)?", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"(?<![0-9])(?<d>[0-9]{1,2})[ \n](?<month>" + Months + @")[ \n](?<y>[0-9]{4})(?![0-9])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishDate();

    [GeneratedRegex(@"\A[ \n]{0,4}号[ \n]{0,4}决定", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ChineseDecisionAfter();

    [GeneratedRegex(@"[Dd]ecisions?[ \n]\z", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishDecisionBefore();

    private CorpusSeed(string name, string text, string session, string ownNumber)
    {
        Name = name;
        Text = text;
        Session = session;
        OwnNumber = ownNumber;
    }

    /// <summary>The seed's file name.</summary>
    public string Name { get; }

    public string Text { get; }

    /// <summary>The session of the seed's own symbol (<c>68</c>), which every copy keeps: its reports, meetings and agenda belong to it.</summary>
    public string Session { get; }

    /// <summary>The number of the seed's own symbol (<c>72</c>).</summary>
    public string OwnNumber { get; }

    /// <summary>The places a copy rewrites, in text order, none overlapping another.</summary>
    public IReadOnlyList<CorpusSlot> Slots { get; private set; } = [];

    public IReadOnlyList<CorpusCitation> Citations { get; private set; } = [];

    /// <summary>The report symbols, each as its session and number.</summary>
    public IReadOnlyList<(string Session, string Number)> Reports { get; private set; } = [];

    public IReadOnlyList<CorpusDate> Dates { get; private set; } = [];

    /// <summary>
    /// The (years, days) a copy may move its dates by: those that keep every range <c>23 日至 27 日</c> inside one month,
    /// since its last day is written without a month.
    /// </summary>
    public IReadOnlyList<(int Years, int Days)> DateShifts { get; private set; } = [];

    /// <summary>How much longer than the seed a copy can be: no replacement is longer than this.</summary>
    public const int MaxSlotGrowth = 16;

    /// <exception cref="InvalidDataException">When the text names no symbol of its own.</exception>
    public static CorpusSeed Parse(string name, string text)
    {
        string header = text.Length > 4000 ? text[..4000] : text;
        var own = SymbolLine().Match(header) is { Success: true } line ? line : Heading().Match(header);
        if (!own.Success)
        {
            throw new InvalidDataException($"seed {name} names no symbol of its own (no A/RES/… line and no heading like 68/72.)");
        }
        string[] ownParts = own.Groups["symbol"].Value.Split('/');
        var seed = new CorpusSeed(name, text, ownParts[0], ownParts[1]);
        seed.FindSlots();
        return seed;
    }

    private void FindSlots()
    {
        var slots = new List<CorpusSlot>();
        var citations = new List<CorpusCitation>();
        var citationIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in SessionNumber().Matches(Text))
        {
            string session = m.Groups["session"].Value, number = m.Groups["number"].Value, letter = m.Groups["letter"].Value;
            if (session == Session && number + letter == OwnNumber)
            {
                slots.Add(new CorpusSlot(m.Index, m.Length, CorpusSlotKind.OwnSymbol, 0));
                continue;
            }
            string key = m.Value;
            if (!citationIndex.TryGetValue(key, out int item))
            {
                item = citations.Count;
                citationIndex[key] = item;
                citations.Add(new CorpusCitation(session, number, letter, IsDecision(m)));
            }
            slots.Add(new CorpusSlot(m.Index, m.Length, CorpusSlotKind.Citation, item));
        }

        var reports = new List<(string, string)>();
        foreach (Match m in ReportSymbol().Matches(Text))
        {
            var key = (m.Groups["session"].Value, m.Groups["number"].Value);
            int item = reports.IndexOf(key);
            if (item < 0)
            {
                item = reports.Count;
                reports.Add(key);
            }
            var number = m.Groups["number"];
            slots.Add(new CorpusSlot(number.Index, number.Length, CorpusSlotKind.Report, item));
        }

        var dates = new List<CorpusDate>();
        foreach (Match m in ChineseDate().Matches(Text))
        {
            if (Date(m, Int(m, "m")) is not { } date)
            {
                continue;
            }
            int rangeDays = m.Groups["d2"].Success ? Int(m, "d2") - date.Day : 0;
            if (rangeDays < 0)
            {
                continue;
            }
            AddDate(slots, dates, m, new CorpusDate(date, rangeDays), CorpusSlotKind.Month);
        }
        foreach (Match m in EnglishDate().Matches(Text))
        {
            if (Date(m, Array.IndexOf(MonthNames, m.Groups["month"].Value) + 1) is { } date)
            {
                AddDate(slots, dates, m, new CorpusDate(date, 0), CorpusSlotKind.MonthName);
            }
        }

        slots.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (int i = 1; i < slots.Count; i++)
        {
            if (slots[i].Start < slots[i - 1].Start + slots[i - 1].Length)
            {
                throw new InvalidDataException($"seed {Name}: two rewritten places overlap at offset {slots[i].Start}");
            }
        }
        Slots = slots;
        Citations = citations;
        Reports = reports;
        Dates = dates;
        DateShifts = AllowedShifts(dates);
    }

    private static DateOnly? Date(Match m, int month)
    {
        int year = Int(m, "y"), day = Int(m, "d");
        return year >= FirstShiftedYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    private static void AddDate(List<CorpusSlot> slots, List<CorpusDate> dates, Match m, CorpusDate date, CorpusSlotKind monthKind)
    {
        int item = dates.Count;
        dates.Add(date);
        slots.Add(new CorpusSlot(m.Groups["y"].Index, m.Groups["y"].Length, CorpusSlotKind.Year, item));
        var month = m.Groups[monthKind == CorpusSlotKind.MonthName ? "month" : "m"];
        slots.Add(new CorpusSlot(month.Index, month.Length, monthKind, item));
        slots.Add(new CorpusSlot(m.Groups["d"].Index, m.Groups["d"].Length, CorpusSlotKind.Day, item));
        if (m.Groups["d2"].Success)
        {
            slots.Add(new CorpusSlot(m.Groups["d2"].Index, m.Groups["d2"].Length, CorpusSlotKind.RangeEndDay, item));
        }
    }

    private static (int, int)[] AllowedShifts(List<CorpusDate> dates)
    {
        var shifts = new List<(int, int)>();
        for (int years = -1; years <= 2; years++)
        {
            for (int days = -20; days <= 20; days++)
            {
                if (dates.All(d => d.RangeDays == 0 || Shift(d.Date, years, days).Month == Shift(d.Date, years, days).AddDays(d.RangeDays).Month))
                {
                    shifts.Add((years, days));
                }
            }
        }
        return [.. shifts];
    }

    public static DateOnly Shift(DateOnly date, int years, int days) => date.AddYears(years).AddDays(days);

    /// <summary>A decision names itself so: <c>第 58/519 号决定</c>, <c>decision 58/519</c>.</summary>
    private bool IsDecision(Match m)
    {
        int end = m.Index + m.Length;
        string after = Text.Substring(end, Math.Min(12, Text.Length - end));
        string before = Text.Substring(Math.Max(0, m.Index - 12), Math.Min(12, m.Index));
        return ChineseDecisionAfter().IsMatch(after) || EnglishDecisionBefore().IsMatch(before);
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);
}
