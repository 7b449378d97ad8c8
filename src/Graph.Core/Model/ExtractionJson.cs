using System.Text.Encodings.Web;
using System.Text.Json;

namespace Graph.Model;

/// <summary>
/// Writes extraction results in the JSON form the <c>extract</c> command prints: one object per file, fields in a
/// fixed order, Chinese left readable (JSON escaping only where JSON needs it).
/// </summary>
public static class ExtractionJson
{
    /// <summary>Options for writers of this format: relaxed escaping keeps CJK text as it is; this output is JSON, never HTML.</summary>
    public static JsonWriterOptions WriterOptions(bool indented) => new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = indented,
    };

    public static void Write(Utf8JsonWriter w, ExtractedDocument d)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(d);
        w.WriteStartObject();
        w.WriteString("file", d.File);
        w.WriteString("language", d.Language);
        w.WriteString("symbol", d.Symbol);
        w.WriteString("body", d.Body);
        w.WriteString("title", d.Title);
        w.WriteString("session", d.Session);
        WriteStrings(w, "subjects", d.Subjects);
        w.WriteStartObject("adopted");
        w.WriteString("date", d.AdoptedOn?.ToString());
        w.WriteString("meeting", d.AdoptedAt);
        w.WriteEndObject();
        w.WriteString("committee", d.Committee);
        WriteStrings(w, "onReportOf", d.OnReportOf);
        // Pages are known only for a PDF; a text file's record stays as it was before PDFs were read.
        if (d.Pages is { } pages)
        {
            w.WriteNumber("pages", pages);
        }
        w.WriteStartArray("references");
        foreach (var r in d.References)
        {
            WriteReference(w, r);
        }
        w.WriteEndArray();
        w.WriteStartArray("diagnostics");
        foreach (var diagnostic in d.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("code", diagnostic.Code);
            w.WriteString("message", diagnostic.Message);
            if (diagnostic.Start is { } start)
            {
                w.WriteNumber("start", start);
                w.WriteNumber("length", diagnostic.Length ?? 0);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (string value in values)
        {
            w.WriteStringValue(value);
        }
        w.WriteEndArray();
    }

    public static void WriteReference(Utf8JsonWriter w, Reference r)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(r);
        w.WriteStartObject();
        w.WriteString("kind", r.Kind.Name());
        w.WriteString("id", r.Id);
        w.WriteString("surface", r.Surface);
        w.WriteString("date", r.Date?.ToString());
        w.WriteNumber("start", r.Start);
        w.WriteNumber("length", r.Length);
        w.WriteString("pinpoint", r.Pinpoint);
        if (r.Number is { } n)
        {
            w.WriteNumber("number", n);
        }
        w.WriteString("title", r.Title);
        w.WriteString("relation", r.Relation);
        w.WriteStartObject("paragraph");
        w.WriteString("part", r.Paragraph.Part);
        if (r.Paragraph.Number is { } number)
        {
            w.WriteNumber("number", number);
        }
        else
        {
            w.WriteNull("number");
        }
        w.WriteEndObject();
        if (r.Footnote is { } footnote)
        {
            w.WriteNumber("footnote", footnote);
        }
        else
        {
            w.WriteNull("footnote");
        }
        if (r.Page is { } page)
        {
            w.WriteNumber("page", page);
        }
        w.WriteEndObject();
    }

    /// <summary>The error object printed for a file that could not be read.</summary>
    public static void WriteError(Utf8JsonWriter w, string file, string error)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        w.WriteString("file", file);
        w.WriteString("error", error);
        w.WriteEndObject();
    }
}
