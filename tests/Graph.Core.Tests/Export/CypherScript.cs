using System.Globalization;
using System.Text;

namespace Graph.Tests.Export;

/// <summary>
/// Just enough of Cypher's lexical rules to read an exported script back: statements split at ';' outside
/// strings, '//' comments, and literal values (strings with the escapes of the Cypher Manual's "Note on string
/// literals", integers, booleans, lists, maps). Anything else, an unknown escape or a raw control character
/// inside a string included, is a <see cref="FormatException"/>: the writer produced something Neo4j would
/// read differently or not at all.
/// </summary>
internal static class CypherScript
{
    /// <summary>The statements of the script, comments removed, trimmed, without their ';'.</summary>
    public static List<string> Statements(string script)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < script.Length; i++)
        {
            char c = script[i];
            if (c is '\'' or '"' or '`')
            {
                int end = EndOfQuoted(script, i);
                current.Append(script, i, end - i);
                i = end - 1;
            }
            else if (c == '/' && i + 1 < script.Length && script[i + 1] == '/')
            {
                while (i < script.Length && script[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == ';')
            {
                statements.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        if (current.ToString().Trim().Length > 0)
        {
            throw new FormatException($"text after the last ';': {current}");
        }
        return statements;
    }

    private static int EndOfQuoted(string text, int start)
    {
        char quote = text[start];
        for (int i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && quote != '`')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i + 1;
            }
        }
        throw new FormatException($"unterminated {quote} at {start}");
    }

    /// <summary>Reads one literal at <paramref name="pos"/> and moves past it.</summary>
    public static object ReadLiteral(string text, ref int pos)
    {
        SkipSpace(text, ref pos);
        char c = text[pos];
        if (c is '\'' or '"')
        {
            return ReadString(text, ref pos);
        }
        if (c == '[')
        {
            var list = new List<object>();
            pos++;
            SkipSpace(text, ref pos);
            if (text[pos] == ']')
            {
                pos++;
                return list;
            }
            while (true)
            {
                list.Add(ReadLiteral(text, ref pos));
                SkipSpace(text, ref pos);
                char next = text[pos++];
                if (next == ']')
                {
                    return list;
                }
                Expect(next == ',', text, pos, "',' or ']'");
            }
        }
        if (c == '{')
        {
            var map = new Dictionary<string, object>(StringComparer.Ordinal);
            pos++;
            SkipSpace(text, ref pos);
            if (text[pos] == '}')
            {
                pos++;
                return map;
            }
            while (true)
            {
                SkipSpace(text, ref pos);
                int start = pos;
                while (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] == '_')
                {
                    pos++;
                }
                string key = text[start..pos];
                Expect(key.Length > 0 && !char.IsAsciiDigit(key[0]), text, pos, "a property key");
                SkipSpace(text, ref pos);
                Expect(text[pos++] == ':', text, pos, "':'");
                Expect(map.TryAdd(key, ReadLiteral(text, ref pos)), text, pos, $"no second '{key}'");
                SkipSpace(text, ref pos);
                char next = text[pos++];
                if (next == '}')
                {
                    return map;
                }
                Expect(next == ',', text, pos, "',' or '}'");
            }
        }
        if (text.AsSpan(pos).StartsWith("true"))
        {
            pos += 4;
            return true;
        }
        if (text.AsSpan(pos).StartsWith("false"))
        {
            pos += 5;
            return false;
        }
        int digits = pos + (c == '-' ? 1 : 0);
        int end = digits;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }
        Expect(end > digits, text, pos, "a literal");
        long n = long.Parse(text.AsSpan(pos, end - pos), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        pos = end;
        return n;
    }

    private static string ReadString(string text, ref int pos)
    {
        char quote = text[pos++];
        var s = new StringBuilder();
        while (true)
        {
            char c = text[pos++];
            if (c == quote)
            {
                return s.ToString();
            }
            if (c < ' ' || c is (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029')
            {
                throw new FormatException($"raw control character U+{(int)c:X4} in a string literal at {pos - 1}");
            }
            if (c != '\\')
            {
                s.Append(c);
                continue;
            }
            char e = text[pos++];
            switch (e)
            {
                case 't': s.Append('\t'); break;
                case 'b': s.Append('\b'); break;
                case 'n': s.Append('\n'); break;
                case 'r': s.Append('\r'); break;
                case 'f': s.Append('\f'); break;
                case '\'' or '"' or '\\': s.Append(e); break;
                case 'u':
                    s.Append((char)int.Parse(text.AsSpan(pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    pos += 4;
                    break;
                case 'U':
                    s.Append(char.ConvertFromUtf32(int.Parse(text.AsSpan(pos, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)));
                    pos += 8;
                    break;
                default: throw new FormatException($"invalid escape \\{e} at {pos - 2}");
            }
        }
    }

    private static void SkipSpace(string text, ref int pos)
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
    }

    private static void Expect(bool condition, string text, int pos, string what)
    {
        if (!condition)
        {
            throw new FormatException($"expected {what} at {pos}: …{text[Math.Max(0, pos - 20)..Math.Min(text.Length, pos + 20)]}…");
        }
    }
}
