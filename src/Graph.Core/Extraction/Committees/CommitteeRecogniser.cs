using System.Text.RegularExpressions;
using Graph.Model;

namespace Graph.Extraction.Committees;

/// <summary>
/// The six Main Committees of the General Assembly, <c>A/C.1</c> to <c>A/C.6</c>: <c>第一委员会</c>,
/// <c>First Committee</c>, and the Fourth by its full name, <c>特别政治和非殖民化委员会（第四委员会）</c> /
/// <c>Special Political and Decolonization Committee (Fourth Committee)</c>, as one reference.
/// </summary>
internal sealed partial class CommitteeRecogniser : Recogniser
{
    [GeneratedRegex(@"(?<spc>特别政治和非殖民化委员会)(?: ?\(第四委员会\))?|第(?<ord>[一二三四五六])委员会"
        + @"|(?<spc>Special Political and Decolonization Committee)(?: ?\(Fourth Committee\))?|\b(?<ordEn>First|Second|Third|Fourth|Fifth|Sixth) Committee\b",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex MainCommittee();

    public override void Recognise(ExtractionContext context)
    {
        foreach (Match m in MainCommittee().Matches(context.Text))
        {
            int n = m.Groups["spc"].Success ? 4
                : m.Groups["ord"].Success ? "一二三四五六".IndexOf(m.Groups["ord"].Value[0], StringComparison.Ordinal) + 1
                : Array.IndexOf(["First", "Second", "Third", "Fourth", "Fifth", "Sixth"], m.Groups["ordEn"].Value) + 1;
            context.Add(new Candidate(ReferenceKind.Committee, $"A/C.{n}", m.Index, m.Length));
        }
    }
}
