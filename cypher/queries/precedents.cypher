// Precedents of a resolution or decision: the resolutions and decisions it recalls, reaffirms, takes note
// of or otherwise cites, and the earlier members of its series; at a depth above 1, the same again from
// each of them. The semantics of `graph precedents <id> --depth N` (src/Graph.Core/Queries/Precedents.cs):
//   - a citation step follows any relationship type except the structural ones (ADOPTED_AT,
//     ADOPTED_ON_REPORT, MEETING_OF, DURING, OF_COMMITTEE, IN_SERIES, ABOUT, PROTOCOL_OF, ON_AGENDA_OF,
//     REQUESTS_REPORT_TO, PLACES_ON_AGENDA_OF) and must reach a Resolution or Decision;
//   - a same-series step is (later)-[:IN_SERIES]->(:Series)<-[:IN_SERIES]-(earlier), where both are dated
//     and the earlier member's date comes first;
//   - each precedent is listed once, by a chain with the fewest steps; among those, the chain with the
//     fewest plain CITES steps, so a document that both recalls and cites a precedent shows RECALLS.
//
// Parameters (in Neo4j Browser, run the :param lines first):
//   :param id => 'A/RES/68/72'
//   :param depth => 2
// $id is the resolution or decision; $depth the number of steps back, 1 for what it cites itself and
// the earlier members of its own series.
//
// Returns one row per precedent, newest first (undated last): precedent (id), date, depth (steps), and
// chain, the path from $id to the precedent, which Browser draws. With the seeds, A/RES/68/72 at depth 2
// gives A/RES/66/69 (RECALLS), A/RES/62/99 (same series) and A/RES/60/97 (same series, then RECALLS).
//
// Depth bound: Cypher takes no parameter in a quantifier, so the pattern is bounded by the literal {1,6}:
// six relationships, which is any three steps (a same-series step is two relationships) or six citations
// in a row; $depth then keeps the chains of at most $depth steps. To go deeper, raise the 6 to twice the
// depth you need. Every chain up to that bound is enumerated before the shortest is kept, so keep it small.

MATCH (origin:Resolution|Decision {id: $id})
MATCH chain = (origin)
      ((a)-[r]-(b:Resolution|Decision|Series)
        WHERE (startNode(r) = a AND b:Resolution|Decision
               AND NOT type(r) IN ['ADOPTED_AT', 'ADOPTED_ON_REPORT', 'MEETING_OF', 'DURING', 'OF_COMMITTEE',
                                   'IN_SERIES', 'ABOUT', 'PROTOCOL_OF', 'ON_AGENDA_OF', 'REQUESTS_REPORT_TO',
                                   'PLACES_ON_AGENDA_OF'])
           OR (type(r) = 'IN_SERIES' AND startNode(r) = a AND b:Series)
           OR (type(r) = 'IN_SERIES' AND endNode(r) = a AND b:Resolution|Decision)
      ){1,6}
      (precedent:Resolution|Decision)
WITH origin, precedent, chain, nodes(chain) AS ns, relationships(chain) AS rs
// A same-series step only goes back in time: at each Series node of the chain, the member reached (after
// it) is dated before the member left (before it). A missing date makes the comparison null: no step.
WHERE precedent <> origin
  AND all(i IN range(1, size(ns) - 2) WHERE NOT 'Series' IN labels(ns[i]) OR ns[i + 1].date < ns[i - 1].date)
WITH precedent, chain,
     size(rs) - size([n IN ns WHERE n:Series]) AS depth,
     size([x IN rs WHERE type(x) = 'CITES']) AS plainCitations
WHERE depth <= $depth
WITH precedent, chain, depth, plainCitations
ORDER BY depth, plainCitations
WITH precedent, head(collect(chain)) AS chain, min(depth) AS depth
RETURN precedent.id AS precedent, precedent.date AS date, depth, chain
ORDER BY date IS NULL, date DESC, precedent;
