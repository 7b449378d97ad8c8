// The most-cited treaties and documents: for each node with one of the given labels, how many
// resolutions, decisions or documents cite it, counting citations only (not the structural
// relationships ADOPTED_AT, ADOPTED_ON_REPORT, MEETING_OF, DURING, OF_COMMITTEE, IN_SERIES, ABOUT,
// PROTOCOL_OF, ON_AGENDA_OF, REQUESTS_REPORT_TO, PLACES_ON_AGENDA_OF). `graph stats` gives the same count
// for ['Treaty'] and for ['Resolution', 'Decision', 'Document'].
//
// Parameters (in Neo4j Browser, run the :param lines first):
//   :param labels => ['Treaty', 'Document']
//   :param limit => 10
//
// Returns at most $limit rows, most cited first: label, id, name, citedBy (distinct citing documents),
// statements (all statements of those citations) and relations (the verbs used). With the seeds: ccm,
// crpd and imas, each cited by two resolutions.

MATCH (cited:Resolution|Decision|Document|Treaty)
      <-[r:!(ADOPTED_AT|ADOPTED_ON_REPORT|MEETING_OF|DURING|OF_COMMITTEE|IN_SERIES|ABOUT
            |PROTOCOL_OF|ON_AGENDA_OF|REQUESTS_REPORT_TO|PLACES_ON_AGENDA_OF)]
      -(citing:Resolution|Decision|Document|Treaty)
WHERE any(label IN labels(cited) WHERE label IN $labels)
WITH cited, count(DISTINCT citing) AS citedBy, sum(r.count) AS statements, collect(DISTINCT type(r)) AS relations
RETURN labels(cited)[0] AS label, cited.id AS id, cited.name AS name, citedBy, statements, relations
ORDER BY citedBy DESC, statements DESC, id
LIMIT $limit;
