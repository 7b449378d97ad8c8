// The statements the Neo4j store runs to load a batch, each named by the comment line above it. Every value is
// a parameter. A label or relationship type is never a parameter in Cypher, so the escaped placeholders
// `__LABEL__`, `__NEW_LABEL__`, `__FROM__`, `__TO__` and `__TYPE__` are replaced by the store with a label of the
// model or a relationship type of the extractor, escaped again; never with text from a document.

// name: resolve-aliases
UNWIND $ids AS id
MATCH (a:GraphAlias {alias: id})
RETURN a.alias AS alias, a.id AS id;

// name: add-alias
CREATE (:GraphAlias {alias: $alias, id: $id, source: $source});

// name: move-alias-claims
// A source that named both the part and the joint symbol keeps its claim on the joint one.
MATCH (c:GraphClaim {node: $alias})
WHERE NOT EXISTS { MATCH (:GraphClaim {node: $id, source: c.source}) }
SET c.node = $id;

// name: delete-alias-claims
MATCH (c:GraphClaim {node: $alias})
DELETE c;

// name: move-alias-evidence-from
MATCH (e:GraphEvidence {fromId: $alias})
SET e.fromId = $id
RETURN e.fromId AS fromId, e.type AS type, e.toId AS toId;

// name: move-alias-evidence-to
MATCH (e:GraphEvidence {toId: $alias})
SET e.toId = $id
RETURN e.fromId AS fromId, e.type AS type, e.toId AS toId;

// name: move-alias-sources
MATCH (s:GraphSource {symbol: $alias})
SET s.symbol = $id;

// name: replaced-sources
MATCH (s:GraphSource)
WHERE s.key = $key OR s.file = $file
RETURN s.key AS key;

// name: remove-claims
MATCH (c:GraphClaim {source: $source})
WITH c, c.node AS node, c.own AS own, c.label AS label
DELETE c
RETURN node, own, label;

// name: remove-evidence
MATCH (e:GraphEvidence {source: $source})
WITH e, e.fromId AS fromId, e.type AS type, e.toId AS toId
DELETE e
RETURN DISTINCT fromId, type, toId;

// name: remove-source
MATCH (s:GraphSource {key: $source})
DELETE s;

// name: add-source
CREATE (:GraphSource {key: $key, file: $file, language: $language, symbol: $symbol, label: $label, refs: $refs, loadedAt: $loadedAt, hash: $hash});

// name: add-claims
UNWIND $rows AS row
CREATE (:GraphClaim {node: row.node, source: row.source, label: row.label, own: row.own, properties: row.properties});

// name: add-evidence
UNWIND $rows AS row
CREATE (:GraphEvidence {source: row.source, fromId: row.fromId, type: row.type, toId: row.toId, offset: row.offset, json: row.json});

// name: read-claims
UNWIND $ids AS id
MATCH (c:GraphClaim {node: id})
RETURN c.node AS node, c.source AS source, c.label AS label, c.own AS own, c.properties AS properties;

// name: delete-nodes
UNWIND $ids AS id
MATCH (n:`__LABEL__` {id: id})
DETACH DELETE n;

// name: relabel-nodes
// A stub cited as a document becomes a resolution when its own text says so: the node keeps its relationships.
UNWIND $ids AS id
MATCH (n:`__LABEL__` {id: id})
REMOVE n:`__LABEL__`
SET n:`__NEW_LABEL__`;

// name: write-nodes
UNWIND $rows AS row
MERGE (n:`__LABEL__` {id: row.id})
SET n = row.props;

// name: ingested-resolutions
MATCH (n:Resolution)
WHERE n.ingested = true
RETURN n.id AS id, properties(n) AS props;

// name: source-files
UNWIND $keys AS key
MATCH (s:GraphSource {key: key})
RETURN s.key AS key, s.file AS file;

// name: read-evidence
UNWIND $edges AS edge
OPTIONAL MATCH (e:GraphEvidence {fromId: edge.fromId, type: edge.type, toId: edge.toId})
RETURN edge.fromId AS fromId, edge.type AS type, edge.toId AS toId, collect(e {.source, .offset, .json}) AS evidence;

// name: write-relationships
UNWIND $rows AS row
MATCH (a:`__FROM__` {id: row.fromId})
MATCH (b:`__TO__` {id: row.toId})
MERGE (a)-[r:`__TYPE__`]->(b)
SET r = row.props;

// name: delete-relationships
UNWIND $rows AS row
MATCH (a:`__FROM__` {id: row.fromId})-[r:`__TYPE__`]->(b:`__TO__` {id: row.toId})
DELETE r;
