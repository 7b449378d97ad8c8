// Resolutions and decisions adopted on the reports of a committee: those whose adoption note names a
// report of the committee ([on the report of the Fourth Committee (A/68/421)]), and those whose note names
// the committee without a report (the OF_COMMITTEE relationship then starts at the resolution).
//
// Parameters (in Neo4j Browser, run the :param line first):
//   :param committee => 'A/C.4'
//
// Returns one row per resolution, newest first: resolution (id), date, session, report (id, or null when
// no report is named), pinpoints (where in the report, e.g. para. 96) and adoption, the path from the
// resolution through the report to the committee, which Browser draws. With the seeds, A/C.4 gives
// A/RES/68/72 on A/68/421 and A/RES/62/99 on A/62/401; A/C.1 gives A/RES/75/62 on A/75/399, para. 96.

MATCH (committee:Committee {id: $committee})
CALL (committee) {
    MATCH adoption = (resolution:Resolution|Decision)-[onReport:ADOPTED_ON_REPORT]->(report:Document)
                     -[:OF_COMMITTEE]->(committee)
    RETURN resolution, report, onReport.pinpoints AS pinpoints, adoption
  UNION
    MATCH adoption = (resolution:Resolution|Decision)-[:OF_COMMITTEE]->(committee)
    RETURN resolution, null AS report, [] AS pinpoints, adoption
}
RETURN resolution.id AS resolution, resolution.date AS date, resolution.session AS session,
       report.id AS report, pinpoints, adoption
ORDER BY date IS NULL, date DESC, resolution;
