// What is loaded: nodes by label (with how many are ingested, i.e. have their own text loaded, the rest
// being only cited) and relationships by type. The graph side of `graph stats`, without the bookkeeping
// the Neo4j store keeps under labels of its own.
//
// Parameters: none.
//
// Returns one row per label, then one per relationship type, most numerous first: kind ('node' or
// 'relationship'), name (label or type), total and ingested (nodes only).

CALL () {
    MATCH (n:Resolution|Decision|Document|Treaty|Meeting|Session|Committee|AgendaItem|Series|Subject)
    RETURN 'node' AS kind, labels(n)[0] AS name, count(n) AS total, count(CASE WHEN n.ingested THEN 1 END) AS ingested
  UNION ALL
    MATCH (:Resolution|Decision|Document|Treaty|Meeting|Session|Committee|AgendaItem|Series|Subject)-[r]->()
    RETURN 'relationship' AS kind, type(r) AS name, count(r) AS total, null AS ingested
}
RETURN kind, name, total, ingested
ORDER BY kind, total DESC, name;
