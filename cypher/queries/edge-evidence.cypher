// The evidence for one relationship: every statement of (from)-[type]->(to), as the relationship keeps it.
// One relationship per (from, type, to); the Chinese and English texts stating it are two statements.
//
// Parameters (in Neo4j Browser, run the :param lines first):
//   :param from => 'A/RES/68/72'
//   :param type => 'RECALLS'
//   :param to => 'ccw-p5'
//
// Returns one row (none when there is no such relationship): fromId, relation, toId, statements (count),
// languages, surfaces (the exact words), pinpoints, and evidence: the list of JSON strings, one per
// statement, returned as stored. Each holds source (A/RES/68/72@zh), language, file, surface, offset,
// length, paragraph {part, number}, footnote, page (of a PDF, from 1; absent for a text file), pinpoint
// and date; Neo4j Community parses no JSON without APOC, so read them in the table view or parse them in
// the client. With the seeds the example has four statements: the Protocol is recalled twice in each
// language.

MATCH (a:Resolution|Decision|Document|Treaty|Meeting|Session|Committee|AgendaItem|Series|Subject {id: $from})
      -[r]->(b:Resolution|Decision|Document|Treaty|Meeting|Session|Committee|AgendaItem|Series|Subject {id: $to})
WHERE type(r) = $type
RETURN a.id AS fromId, type(r) AS relation, b.id AS toId, r.count AS statements, r.languages AS languages,
       r.surfaces AS surfaces, r.pinpoints AS pinpoints, r.evidence AS evidence;
