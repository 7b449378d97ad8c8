using System.Text.RegularExpressions;

namespace Graph.Tests.Specs;

/// <summary>
/// A spec file: rules in prose, then cases. A case is a fenced block marked <c>spec</c>: the input text, a line
/// <c>---</c>, then the expected references one a line (see <see cref="Support.ReferenceLine"/>), or
/// <c>(none)</c>. Lines starting with <c>@</c> state fields of the document (<c>@symbol A/RES/68/72</c>), and
/// <c>date …</c> lines state the dates the date recogniser finds. The heading above a case names it.
/// </summary>
/// <remarks>
/// A spec about some kinds of reference may say so with a comment <c>&lt;!-- kinds: session agenda-item --&gt;</c>:
/// its cases then check references of those kinds only, so a treaty named in a case about sessions does not have
/// to be listed there (treaties.md and the golden files check it). Without the comment every reference is checked.
/// </remarks>
internal sealed partial record SpecCase(string File, int Line, string Name, string Input, IReadOnlyList<string> Expected, IReadOnlySet<string>? Kinds)
{
    [GeneratedRegex(@"^<!-- kinds: (?<kinds>[a-z\- ]{1,200}) -->$", RegexOptions.Multiline)]
    private static partial Regex KindsComment();

    [GeneratedRegex(@"^```spec[ \t]*\n(?<body>.*?)\n```[ \t]*$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Block();

    public static IEnumerable<SpecCase> Read(string path)
    {
        string text = System.IO.File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        string file = System.IO.Path.GetFileName(path);
        var kindsComment = KindsComment().Match(text);
        IReadOnlySet<string>? kinds = kindsComment.Success
            ? kindsComment.Groups["kinds"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet()
            : null;
        foreach (Match m in Block().Matches(text))
        {
            string body = m.Groups["body"].Value;
            int split = body.IndexOf("\n---\n", StringComparison.Ordinal);
            int line = text[..m.Index].Count(c => c == '\n') + 1;
            if (split < 0)
            {
                throw new FormatException($"{file}:{line}: a spec case needs a '---' line between input and expected output");
            }
            string before = text[..m.Index];
            int heading = before.LastIndexOf("\n#", StringComparison.Ordinal);
            string name = heading < 0 ? "" : before[(heading + 1)..].Split('\n')[0].TrimStart('#').Trim();
            var expected = body[(split + 5)..].Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && l != "(none)")
                .ToList();
            yield return new SpecCase(file, line, name, body[..split], expected, kinds);
        }
    }

    public override string ToString() => $"{File}:{Line} {Name}";
}
