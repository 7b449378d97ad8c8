// The Neo4j store's bookkeeping: what each loaded document said, kept apart from the graph analysts query, so
// that loading a document again can replace exactly what it said before. Run after cypher/schema.cypher.
//   GraphSource    one per loaded language version: key (A/RES/68/72@en), file, language, symbol, label, refs,
//                  hash (the file's SHA-256 as loaded: the journal a long-running loader reads)
//   GraphClaim     what one source says about one node: node, source, label, own, properties (a JSON map)
//   GraphEvidence  one statement of one relationship: source, fromId, type, toId, offset, json
//   GraphAlias     a part of a joint symbol and the joint symbol it names: alias, id, source
// Analysts never need them; every query in cypher/queries names the graph's own labels.

CREATE INDEX graph_source_key IF NOT EXISTS FOR (s:GraphSource) ON (s.key);
CREATE INDEX graph_source_file IF NOT EXISTS FOR (s:GraphSource) ON (s.file);
CREATE INDEX graph_claim_node IF NOT EXISTS FOR (c:GraphClaim) ON (c.node);
CREATE INDEX graph_claim_source IF NOT EXISTS FOR (c:GraphClaim) ON (c.source);
CREATE INDEX graph_evidence_source IF NOT EXISTS FOR (e:GraphEvidence) ON (e.source);
CREATE INDEX graph_evidence_from IF NOT EXISTS FOR (e:GraphEvidence) ON (e.fromId);
CREATE INDEX graph_evidence_to IF NOT EXISTS FOR (e:GraphEvidence) ON (e.toId);
CREATE CONSTRAINT graph_alias_alias IF NOT EXISTS FOR (a:GraphAlias) REQUIRE a.alias IS UNIQUE;
