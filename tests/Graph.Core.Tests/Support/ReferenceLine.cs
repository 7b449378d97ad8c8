using System.Text.Encodings.Web;
using System.Text.Json;
using Graph.Model;

namespace Graph.Tests.Support;

/// <summary>
/// One reference written as a line, the form spec files and golden files use:
/// <c>resolution A/RES/66/69 "resolution 66/69 of 9 December 2011" date=2011-12-09</c>. The surface is a JSON
/// string, so line breaks inside it stay visible (<c>\n</c>).
/// </summary>
internal static class ReferenceLine
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Which of the meaning fields (issue 3) a line shows; spec cases opt in to those they state.</summary>
    [Flags]
    public enum Fields
    {
        None = 0,
        Relation = 1,
        Paragraph = 2,
        Footnote = 4,
        Title = 8,
        All = Relation | Paragraph | Footnote | Title,
    }

    /// <summary>The fields a set of expected lines uses: a case that states a relation anywhere is checked for relations everywhere.</summary>
    public static Fields Used(IEnumerable<string> lines)
    {
        var used = Fields.None;
        foreach (string line in lines)
        {
            used |= line.Contains(" relation=", StringComparison.Ordinal) ? Fields.Relation : Fields.None;
            used |= line.Contains(" paragraph=", StringComparison.Ordinal) ? Fields.Paragraph : Fields.None;
            used |= line.Contains(" footnote=", StringComparison.Ordinal) ? Fields.Footnote : Fields.None;
            used |= line.Contains(" title=", StringComparison.Ordinal) ? Fields.Title : Fields.None;
        }
        return used;
    }

    public static string Format(Reference r, bool withSpan = false, Fields fields = Fields.None)
    {
        var parts = new List<string> { r.Kind.Name(), r.Id, JsonSerializer.Serialize(r.Surface, Json) };
        if (withSpan)
        {
            parts.Add($"@{r.Start}+{r.Length}");
        }
        if (r.Date is { } date)
        {
            parts.Add($"date={date}");
        }
        if (r.Pinpoint is { } pinpoint)
        {
            parts.Add($"pinpoint={JsonSerializer.Serialize(pinpoint, Json)}");
        }
        if (r.Number is { } n)
        {
            parts.Add($"number={n}");
        }
        if (fields.HasFlag(Fields.Title) && r.Title is { } title)
        {
            parts.Add($"title={JsonSerializer.Serialize(title, Json)}");
        }
        if (fields.HasFlag(Fields.Relation))
        {
            parts.Add($"relation={r.Relation}");
        }
        if (fields.HasFlag(Fields.Paragraph))
        {
            parts.Add($"paragraph={r.Paragraph.Part}" + (r.Paragraph.Number is { } p ? $"/{p}" : ""));
        }
        if (fields.HasFlag(Fields.Footnote) && r.Footnote is { } footnote)
        {
            parts.Add($"footnote={footnote}");
        }
        return string.Join(' ', parts);
    }

    public static string Quote(string s) => JsonSerializer.Serialize(s, Json);
}
