// What cites a document or treaty (or a resolution or decision): every relationship into it from a
// resolution, decision, document or treaty, with its relation and evidence. The graph side of
// `graph cited-by <id>`: the relation includes the structural ones, so a committee report shows the
// resolutions ADOPTED_ON_REPORT it, and a convention the protocols that are its PROTOCOL_OF.
//
// Parameters (in Neo4j Browser, run the :param line first):
//   :param id => 'ccm'
//
// Returns one row per relationship, newest citing document first: citing (id), label, date, relation,
// statements (how many times it is stated), languages, surfaces (the exact words), pinpoints, and
// evidence, the list of JSON strings kept on the relationship, one per statement, returned as stored
// (Neo4j Community has no JSON parser without APOC).

MATCH (cited:Resolution|Decision|Document|Treaty {id: $id})<-[r]-(citing:Resolution|Decision|Document|Treaty)
RETURN citing.id AS citing, labels(citing)[0] AS label, citing.date AS date, type(r) AS relation,
       r.count AS statements, r.languages AS languages, r.surfaces AS surfaces, r.pinpoints AS pinpoints,
       r.evidence AS evidence
ORDER BY date IS NULL, date DESC, citing, relation;
