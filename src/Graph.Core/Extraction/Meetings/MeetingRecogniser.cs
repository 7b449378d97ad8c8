using System.Text.RegularExpressions;
using Graph.Model;

namespace Graph.Extraction.Meetings;

/// <summary>
/// Meetings, named by their verbatim record: <c>第 65 次全体会议</c> and <c>65th plenary meeting</c> are
/// <c>A/{session}/PV.65</c> (the session is the document's own); <c>安全理事会第5396次会议</c> and
/// <c>adopted by the Security Council at its 5396th meeting</c> are <c>S/PV.5396</c>. The date written with a
/// meeting (before it in Chinese, after it in English) is kept. Committee meetings are not plenary meetings and are left out.
/// A resumed plenary meeting (<c>50th (resumed) plenary meeting</c>, <c>第50(续)次全体会议</c>, <c>第 50 次(续)全体会议</c>)
/// is the meeting it resumes, <c>A/{session}/PV.50</c>, dated as written, on the day of the resumed part.
/// </summary>
/// <remarks>
/// Why the same id: when the Assembly suspends a plenary meeting and takes it up again on a later day, the resumed
/// part keeps the meeting's number (UN press releases head it "50th Meeting (resumed)", and A/RES/78/236, adopted on
/// 22 December 2023, names its "50th (resumed) plenary meeting"), and its verbatim record keeps the meeting's PV
/// number: A/78/PV.50, with the resumed part marked as such, not a new A/78/PV.n. No other symbol exists to name,
/// and one id means the adopting meeting is the node other documents cite as A/78/PV.50. Its date is the one
/// written with it, the resumed part's, which is the day of adoption (the meeting's first part may be days
/// earlier). Only plenary meetings are taken as resumed: the Security Council issues resumptions of its meetings
/// as records of their own ("S/PV.n (Resumption 1)"), which a plain S/PV.n would misname, and a resumed committee
/// meeting is no meeting reference at all.
/// </remarks>
internal sealed partial class MeetingRecogniser : Recogniser
{
    // Chinese may put the date between the Council and its meeting ("安理会2001年8月31日第4362次会议"); the date then
    // stands inside the phrase. Without the Council named, a date before 第 is left outside, as for plenary meetings.
    // 续 ("resumed") stands in brackets on either side of 次: 第50(续)次全体会议, 第 50 次(续)全体会议; full-width brackets
    // are ASCII by now.
    [GeneratedRegex(@"(?:(?<sc>安全理事会|安理会)(?:在其)?(?<date>[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)?)?第 ?(?<n>[0-9]{1,5}) ?(?<resumed>\( ?续 ?\) ?)?次(?<resumed> ?\( ?续 ?\))?(?<plenary>全体)?会议", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Chinese();

    [GeneratedRegex(@"(?:(?<sc>Security Council)(?: at its| at) )?(?<n>[0-9]{1,5})(?:st|nd|rd|th) (?<resumed>\([Rr]esumed\) )?(?<plenary>plenary )?meeting\b", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
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
        if (m.Groups["resumed"].Success && !m.Groups["plenary"].Success)
        {
            return;
        }
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
