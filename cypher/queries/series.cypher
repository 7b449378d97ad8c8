// A series over time: the resolutions and decisions that share a title (in English or Chinese; see
// "Series" in the README), oldest first, each with the earlier members it cites.
//
// Parameters (in Neo4j Browser, run the :param line first):
//   :param id => 'A/RES/68/72'
// $id is a member of the series or the series itself ('series:assistance-in-mine-action').
//
// Returns one row per member, oldest first (undated last): series (id), title_en, title_zh, member (id),
// date, session, ingested (whether its own text is loaded, or it is only cited), citesEarlier (the
// earlier members it cites, as "RELATION id") and membership, the path member -> series, which Browser
// draws. With the seeds: A/RES/62/99 (2007, loaded in Chinese) and A/RES/68/72 (2013, both languages).

MATCH (series:Series)
WHERE series.id = $id OR EXISTS { (:Resolution|Decision {id: $id})-[:IN_SERIES]->(series) }
MATCH membership = (member:Resolution|Decision)-[:IN_SERIES]->(series)
RETURN series.id AS series, series.title_en AS title_en, series.title_zh AS title_zh,
       member.id AS member, member.date AS date, member.session AS session, member.ingested AS ingested,
       [(member)
         -[c:!(ADOPTED_AT|ADOPTED_ON_REPORT|MEETING_OF|DURING|OF_COMMITTEE|IN_SERIES|ABOUT
              |PROTOCOL_OF|ON_AGENDA_OF|REQUESTS_REPORT_TO|PLACES_ON_AGENDA_OF)]
         ->(earlier:Resolution|Decision)-[:IN_SERIES]->(series)
         | type(c) + ' ' + earlier.id] AS citesEarlier,
       membership
ORDER BY date IS NULL, date, member;
