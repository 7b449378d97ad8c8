// The full citation chain from a resolution or decision: what it cites, what those cite, and so on, to six
// steps. A step is any relationship except the structural ones (ADOPTED_AT, ADOPTED_ON_REPORT, MEETING_OF,
// DURING, OF_COMMITTEE, IN_SERIES, ABOUT, PROTOCOL_OF, ON_AGENDA_OF, REQUESTS_REPORT_TO, PLACES_ON_AGENDA_OF)
// to a Resolution, Decision, Document or Treaty. Unlike precedents.cypher it keeps every chain and every
// kind of cited node, and does not follow series.
//
// Parameters (in Neo4j Browser, run the :param lines first):
//   :param id => 'A/RES/69/60'
//   :param limit => 500
//
// Returns one row per chain, shortest first: cited (the id at its end), relation (its last step), depth,
// and chain, the path from $id, which Browser draws. At most $limit rows.
//
// Depth bound: the literal {1,6} (the same as -[...]->{1,6} or the older *1..6). Cypher takes no
// parameter in a quantifier: edit the 6 to change the depth. Every chain is enumerated, so a large bound
// on a large graph returns a great many rows.

MATCH chain = (origin:Resolution|Decision {id: $id})
      (()-[:!(ADOPTED_AT|ADOPTED_ON_REPORT|MEETING_OF|DURING|OF_COMMITTEE|IN_SERIES|ABOUT
             |PROTOCOL_OF|ON_AGENDA_OF|REQUESTS_REPORT_TO|PLACES_ON_AGENDA_OF)]->(:Resolution|Decision|Document|Treaty)){1,6}
      (cited)
RETURN cited.id AS cited, type(last(relationships(chain))) AS relation, length(chain) AS depth, chain
ORDER BY depth, cited, relation
LIMIT $limit;
