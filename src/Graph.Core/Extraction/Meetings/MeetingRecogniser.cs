using System.Text.RegularExpressions;
using Graph.Model;

namespace Graph.Extraction.Meetings;

/// <summary>
/// Meetings, named by their verbatim record: <c>第 65 次全体会议</c> and <c>65th plenary meeting</c> are
/// <c>A/{session}/PV.65</c> (the session is the document's own); <c>安全理事会第5396次会议</c> and
/// <c>adopted by the Security Council at its 5396th meeting</c> are <c>S/PV.5396</c>. The date written with a
/// meeting (before it in Chinese, after it in English) is kept. Committee meetings are not plenary meetings and are left out.
/// </summary>
internal sealed partial class MeetingRecogniser : Recogniser
{
    // Chinese may put the date between the Council and its meeting ("安理会2001年8月31日第4362次会议"); the date then
    // stands inside the phrase. Without the Council named, a date before 第 is left outside, as for plenary meetings.
    [GeneratedRegex(@"(?:(?<sc>安全理事会|安理会)(?:在其)?(?<date>[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)?)?第 ?(?<n>[0-9]{1,5}) ?次(?<plenary>全体)?会议", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Chinese();

    [GeneratedRegex(@"(?:(?<sc>Security Council)(?: at its| at) )?(?<n>[0-9]{1,5})(?:st|nd|rd|th) (?<plenary>plenary )?meeting\b", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex English();

    [GeneratedRegex(@"\G(?:,? on|,)? ?\n? ?", RegexOptions.CultureInvariant)]
    private static partial Regex DateLead();

    public override void Recognise(ExtractionContext context)
    {
        bool securityCouncilText = context.Identity.Body == "SC";
        foreach (Match m in Chinese().Matches(context.Text))
        {
            var date = m.Groups["date"].Success ? context.DateStartingAt(m.Groups["date"].Index) : context.DateEndingAt(m.Index);
            Add(context, m, securityCouncilText, date?.Date);
        }
        foreach (Match m in English().Matches(context.Text))
        {
            var lead = DateLead().Match(context.Text, m.Index + m.Length);
            Add(context, m, securityCouncilText, context.DateStartingAt(lead.Index + lead.Length)?.Date);
        }
    }

    private static void Add(ExtractionContext context, Match m, bool securityCouncilText, DateRange? date)
    {
        string n = m.Groups["n"].Value;
        if (m.Groups["sc"].Success || (securityCouncilText && !m.Groups["plenary"].Success))
        {
            context.Add(new Candidate(ReferenceKind.Meeting, $"S/PV.{n}", m.Index, m.Length) { Date = date });
            return;
        }
        if (!m.Groups["plenary"].Success)
        {
            return;
        }
        string? session = context.Identity.Session;
        if (session is null)
        {
            context.Diagnose("session-unknown", "a plenary meeting in a document whose session is not known; its record is named without a session", m.Index, m.Length);
        }
        string id = session is null ? $"A/PV.{n}" : $"A/{session}/PV.{n}";
        context.Add(new Candidate(ReferenceKind.Meeting, id, m.Index, m.Length) { Date = date });
    }
}
