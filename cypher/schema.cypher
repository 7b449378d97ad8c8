// The graph's schema, shared by every store and every export: one node per id within each label.
// Run once on a new database (every statement is idempotent):  cypher-shell -f cypher/schema.cypher
// The Neo4j store runs it before its first load; `graph export --format cypher` starts with the same lines.
//
// Labels and their key (`id`, the canonical id the extractor gives):
//   Resolution  A/RES/68/72, S/RES/1325(2000)   body, session, number, date, title_en, title_zh, url, url_<lang>
//   Decision    A/DEC/58/519                    as Resolution
//   Document    A/68/305, A/55/985-S/2001/574, imas, title:<title>   type, title_<lang>, url
//   Treaty      ccm, ccw-p5, title:<title>      title_en, title_zh, year, unts, protocol
//   Meeting     A/68/PV.65, S/PV.5396           body, date, url
//   Session     A/68                            body, number
//   Committee   A/C.4
//   AgendaItem  A/75/item/103(ll)               item
//   Series      series:assistance-in-mine-action   title_en, title_zh, members
//   Subject     subject:LANDMINES               term
// Every node also has `name` (for display) and `ingested` (true once its own text is loaded; a node only
// cited so far is a stub). Documents loaded in several languages have `languages` and `files` lists.
//
// Every relationship carries its evidence: `count`, `languages`, `surfaces`, `pinpoints`, and `evidence`,
// a list of JSON strings, one per statement: {"source","language","file","surface","offset","length",
// "paragraph":{"part","number"},"footnote","page","pinpoint","date"}; "page" (from 1) only when the file
// was a PDF.

CREATE CONSTRAINT resolution_id IF NOT EXISTS FOR (n:Resolution) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT decision_id IF NOT EXISTS FOR (n:Decision) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT treaty_id IF NOT EXISTS FOR (n:Treaty) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT session_id IF NOT EXISTS FOR (n:Session) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT committee_id IF NOT EXISTS FOR (n:Committee) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agenda_item_id IF NOT EXISTS FOR (n:AgendaItem) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT series_id IF NOT EXISTS FOR (n:Series) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT subject_id IF NOT EXISTS FOR (n:Subject) REQUIRE n.id IS UNIQUE;

// Precedents are ordered by date; analysts filter resolutions by session.
CREATE INDEX resolution_date IF NOT EXISTS FOR (n:Resolution) ON (n.date);
CREATE INDEX resolution_session IF NOT EXISTS FOR (n:Resolution) ON (n.session);
