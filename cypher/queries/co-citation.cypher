// Co-citation: pairs of resolutions, decisions, documents or treaties cited together by the same
// resolutions or decisions, and by which. Citations only: the structural relationships (ADOPTED_AT,
// ADOPTED_ON_REPORT, MEETING_OF, DURING, OF_COMMITTEE, IN_SERIES, ABOUT, PROTOCOL_OF, ON_AGENDA_OF,
// REQUESTS_REPORT_TO, PLACES_ON_AGENDA_OF) are not counted.
//
// Parameters (in Neo4j Browser, run the :param lines first):
//   :param minimum => 2
//   :param limit => 25
// $minimum is the least number of citing documents a pair needs to be listed.
//
// Returns at most $limit pairs, most often together first: first and second (ids, in id order), together
// (how many documents cite both) and citedBy (their ids). With the seeds: ccm and crpd, both cited by
// A/RES/68/72 and A/RES/75/62.

MATCH (a:Resolution|Decision|Document|Treaty)
      <-[:!(ADOPTED_AT|ADOPTED_ON_REPORT|MEETING_OF|DURING|OF_COMMITTEE|IN_SERIES|ABOUT
           |PROTOCOL_OF|ON_AGENDA_OF|REQUESTS_REPORT_TO|PLACES_ON_AGENDA_OF)]
      -(citing:Resolution|Decision)
      -[:!(ADOPTED_AT|ADOPTED_ON_REPORT|MEETING_OF|DURING|OF_COMMITTEE|IN_SERIES|ABOUT
          |PROTOCOL_OF|ON_AGENDA_OF|REQUESTS_REPORT_TO|PLACES_ON_AGENDA_OF)]
      ->(b:Resolution|Decision|Document|Treaty)
// Ids are unique within a label only: a treaty and a document could share one.
WHERE a.id < b.id OR (a.id = b.id AND elementId(a) < elementId(b))
WITH a, b, collect(DISTINCT citing.id) AS citedBy
WHERE size(citedBy) >= $minimum
RETURN a.id AS first, b.id AS second, size(citedBy) AS together, citedBy
ORDER BY together DESC, first, second
LIMIT $limit;
