using System.Text;

namespace Graph.Tests.Export;

/// <summary>One CSV field: its text, and whether it was quoted (an empty unquoted field is "no value" to neo4j-admin).</summary>
internal sealed record CsvField(string Text, bool Quoted);

/// <summary>
/// A strict RFC 4180 reader: fields separated by ',', records by line feeds; a quoted field may hold commas,
/// line breaks and doubled quotes; a quote inside an unquoted field, or text after a closing quote, is a
/// <see cref="FormatException"/>. Backslashes mean nothing, as for neo4j-admin without --legacy-style-quoting.
/// </summary>
internal static class CsvRecords
{
    public static List<List<CsvField>> Read(string text)
    {
        var records = new List<List<CsvField>>();
        int i = 0;
        while (i < text.Length)
        {
            var record = new List<CsvField>();
            while (true)
            {
                var field = new StringBuilder();
                bool quoted = i < text.Length && text[i] == '"';
                if (quoted)
                {
                    for (i++; ; i++)
                    {
                        if (i >= text.Length)
                        {
                            throw new FormatException("unterminated quoted field");
                        }
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                field.Append('"');
                                i++;
                                continue;
                            }
                            i++;
                            break;
                        }
                        field.Append(text[i]);
                    }
                }
                else
                {
                    for (; i < text.Length && text[i] is not (',' or '\n'); i++)
                    {
                        if (text[i] is '"' or '\r')
                        {
                            throw new FormatException($"'{text[i]}' in an unquoted field at {i}");
                        }
                        field.Append(text[i]);
                    }
                }
                record.Add(new CsvField(field.ToString(), quoted));
                if (i >= text.Length || text[i] == '\n')
                {
                    i++;
                    break;
                }
                if (text[i] != ',')
                {
                    throw new FormatException($"text after a closing quote at {i}");
                }
                i++;
            }
            records.Add(record);
        }
        return records;
    }
}
