// What a meeting adopted: the resolutions and decisions whose closing lines name the meeting ("65th
// plenary meeting", 第65次全体会议), with the reports they were adopted on.
//
// Parameters (in Neo4j Browser, run the :param line first):
//   :param meeting => 'A/68/PV.65'
//
// Returns one row per resolution or decision, by id: meeting (id), date (the meeting's), session (id),
// document (id), title (English, else Chinese), reports (ids of the reports it was adopted on) and
// adoption, the path document -> meeting, which Browser draws. With the seeds: A/RES/68/72, on A/68/421.

MATCH adoption = (document:Resolution|Decision)-[:ADOPTED_AT]->(meeting:Meeting {id: $meeting})
OPTIONAL MATCH (meeting)-[:MEETING_OF]->(session:Session)
OPTIONAL MATCH (document)-[:ADOPTED_ON_REPORT]->(report:Document)
RETURN meeting.id AS meeting, meeting.date AS date, session.id AS session, document.id AS document,
       coalesce(document.title_en, document.title_zh) AS title, collect(report.id) AS reports, adoption
ORDER BY document;
