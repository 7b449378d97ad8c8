// The statements the Neo4j store runs to answer queries, each named by the comment line above it. Every value
// is a parameter; `__LABEL__` is replaced by a label of the model (see load.cypher).

// name: find-nodes
// A node under any of the graph's labels, by id or (when $resolve) by a part of its joint symbol. Each label is
// looked up through its own id constraint; a label-less MATCH would scan every node.
UNWIND $ids AS id
OPTIONAL MATCH (a:GraphAlias {alias: id})
WITH id, CASE WHEN $resolve THEN coalesce(a.id, id) ELSE id END AS key
OPTIONAL MATCH (n1:Resolution {id: key})
OPTIONAL MATCH (n2:Decision {id: key})
OPTIONAL MATCH (n3:Document {id: key})
OPTIONAL MATCH (n4:Treaty {id: key})
OPTIONAL MATCH (n5:Meeting {id: key})
OPTIONAL MATCH (n6:Session {id: key})
OPTIONAL MATCH (n7:Committee {id: key})
OPTIONAL MATCH (n8:AgendaItem {id: key})
OPTIONAL MATCH (n9:Series {id: key})
OPTIONAL MATCH (n10:Subject {id: key})
WITH id, coalesce(n1, n2, n3, n4, n5, n6, n7, n8, n9, n10) AS n
WHERE n IS NOT NULL
RETURN id, labels(n) AS labels, properties(n) AS props;

// name: outgoing
MATCH (n:`__LABEL__` {id: $id})-[r]->(m)
WHERE m.id IS NOT NULL
RETURN type(r) AS type, m.id AS other, r.evidence AS evidence;

// name: incoming
MATCH (m)-[r]->(n:`__LABEL__` {id: $id})
WHERE m.id IS NOT NULL
RETURN type(r) AS type, m.id AS other, r.evidence AS evidence;

// name: nodes-page
MATCH (n:`__LABEL__`)
WHERE n.id > $after
RETURN properties(n) AS props
ORDER BY n.id
LIMIT $limit;

// name: edges-page
// Keyset paging in (from, type, to) order: each page starts after the last edge of the one before.
MATCH (a)-[r]->(b)
WITH a.id AS fromId, type(r) AS type, b.id AS toId, r.evidence AS evidence
WHERE fromId > $fromId OR (fromId = $fromId AND (type > $type OR (type = $type AND toId > $toId)))
RETURN fromId, type, toId, evidence
ORDER BY fromId, type, toId
LIMIT $limit;

// name: loaded-files
MATCH (s:GraphSource)
RETURN s.file AS file, coalesce(s.hash, '') AS hash;

// name: count-sources
MATCH (s:GraphSource)
RETURN count(s) AS sources;

// name: count-nodes
MATCH (n:`__LABEL__`)
RETURN count(n) AS total, count(CASE WHEN n.ingested THEN 1 END) AS ingested;

// name: count-relationships
MATCH ()-[r]->()
RETURN type(r) AS type, count(r) AS total;

// name: most-cited
MATCH (a)-[r]->(n)
WHERE any(l IN labels(n) WHERE l IN $labels) AND NOT type(r) IN $structural AND a.id IS NOT NULL
RETURN n.id AS id, [l IN labels(n) WHERE l IN $labels][0] AS label, n.name AS name, count(DISTINCT a) AS cited
ORDER BY cited DESC, id
LIMIT $top;
