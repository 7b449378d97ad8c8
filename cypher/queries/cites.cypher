// What a resolution or decision cites: every relationship out of it, with its relation and evidence. The
// graph side of `graph cites <id>`: citations (RECALLS, TAKES_NOTE_OF, CITES …) and the structural
// relationships that place it (ADOPTED_AT, DURING, IN_SERIES, ABOUT …).
//
// Parameters (in Neo4j Browser, run the :param line first):
//   :param id => 'A/RES/68/72'
//
// Returns one row per relationship, by relation then id: relation, other (id), label, name, statements,
// languages, surfaces, pinpoints and evidence (the JSON strings as stored, one per statement).

MATCH (document:Resolution|Decision|Document {id: $id})
      -[r]->(other:Resolution|Decision|Document|Treaty|Meeting|Session|Committee|AgendaItem|Series|Subject)
RETURN type(r) AS relation, other.id AS other, labels(other)[0] AS label, other.name AS name,
       r.count AS statements, r.languages AS languages, r.surfaces AS surfaces, r.pinpoints AS pinpoints,
       r.evidence AS evidence
ORDER BY relation, other;
