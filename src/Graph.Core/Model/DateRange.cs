using System.Globalization;

namespace Graph.Model;

/// <summary>
/// A date as a resolution gives it: one day, or a range of days (<c>5 to 7 September 2016</c>).
/// Written as ISO 8601: <c>2016-09-05</c>, or the interval <c>2016-09-05/2016-09-07</c>.
/// </summary>
public readonly record struct DateRange(DateOnly Start, DateOnly? End = null)
{
    public override string ToString() => End is { } end
        ? string.Create(CultureInfo.InvariantCulture, $"{Start:yyyy-MM-dd}/{end:yyyy-MM-dd}")
        : Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Builds a date from parts as written; null when they name no real day (31 February).</summary>
    public static DateOnly? TryCreate(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
}
