// Lints the repository's Cypher with Neo4j's own parser and semantic analysis, as they ship in
// @neo4j-cypher/language-support (the library behind Neo4j's editors): every *.cypher file that git tracks
// or would track (untracked but not ignored; bin/, obj/ and node_modules/ skipped), and the ```cypher blocks
// of the Browser guides in cypher/browser/. Each statement is linted on its own, as Cypher 5, the only
// language Neo4j 5.26 speaks. Prints `file:line:column: error|warning: message`, then a count, on standard
// output, and exits 1 on any error (2 when its own self-test fails).
//
// What fails CI:
//   - every error: syntax, semantics (an undefined variable, a type mismatch), a function or procedure that
//     is not built into Neo4j (so no APOC or GDS: the database is Community without plugins);
//   - a deprecation warning: deprecated syntax still runs on 5.26, but deprecations are what Cypher 25, the
//     language of the Neo4j releases after it, removes; left in, they break the upgrade;
//   - in a file that declares its parameters as Browser does (`// :param id => 'A/RES/68/72'`), a parameter
//     it uses but does not declare: the header of every query in cypher/queries/ lists them all;
//   - a statement of a .cypher file that does not end with `;`: cypher-shell -f and the Neo4j store's
//     statement loader both cut statements at semicolons.
// Other warnings (a cartesian product, an unbounded shortest path) are printed and do not fail.
// Parameters are never an error in a file that declares none: the store's statements get theirs from code.
//
// Usage: node .ci/lint/cypher-lint.mjs [file...]   (no file: the whole repository)

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';
import { cypherBlocks, declaredParameters, lineAndColumn, splitStatements } from './cypher-text.mjs';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cypherVersion = 'CYPHER 5';
const severities = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const deprecatedTag = 2; // DiagnosticTag.Deprecated in the language server protocol

// Only Neo4j's built-in functions and procedures are known, so a call to a plugin's (apoc.*, gds.*) or a
// misspelt name is an error. The library ships the catalogue of a Neo4j server in its testData export;
// functions there say whether they are built in, procedures do not, so Neo4j's own namespaces stand in.
const functions = Object.fromEntries(
    Object.entries(testData.mockSchema.functions[cypherVersion]).filter(([, f]) => f.isBuiltIn));
const procedures = Object.fromEntries(
    Object.entries(testData.mockSchema.procedures[cypherVersion]).filter(([name]) => /^(db|dbms|tx)\./u.test(name)));

/** Lints one statement; returns its findings with offsets in the file, each marked fatal or not. */
function lintStatement(statement, { parameters, consoleCommands }) {
    const schema = {
        defaultLanguage: cypherVersion,
        functions: { [cypherVersion]: functions },
        procedures: { [cypherVersion]: procedures },
        ...(parameters.size > 0 ? { parameters: Object.fromEntries([...parameters].map(p => [p, null])) } : {}),
    };
    const findings = [];
    const leading = statement.text.replace(/^(?:\s+|\/\/[^\n]*\n?|\/\*[\s\S]*?\*\/)*/u, '');
    if (/^CYPHER\s+25\b/iu.test(leading)) {
        findings.push({ offset: statement.offset + statement.text.length - leading.length, severity: 1, fatal: true,
            message: 'CYPHER 25 is not available on Neo4j 5.26, which runs Cypher 5 only' });
    }
    const { diagnostics } = lintCypherQuery(statement.text, schema, { consoleCommandsEnabled: consoleCommands });
    for (const d of diagnostics) {
        const undeclaredParameter = /^Parameter \$\S+ is not defined\.$/u.test(d.message);
        if (undeclaredParameter && parameters.size === 0) {
            continue;
        }
        const deprecated = d.tags?.includes(deprecatedTag) || /deprecat/iu.test(d.message);
        findings.push({
            offset: statement.offset + Math.max(0, d.offsets.start),
            severity: d.severity,
            fatal: d.severity === 1 || (d.severity === 2 && deprecated),
            message: undeclaredParameter ? `${d.message} Declare it as the file declares its others (:param name => value).` : d.message,
        });
    }
    if (!statement.terminated && statement.requireSemicolon) {
        findings.push({ offset: statement.offset + statement.text.trimEnd().length, severity: 1, fatal: true,
            message: "statement does not end with ';' (cypher-shell and the store's loader cut statements at semicolons)" });
    }
    if (statement.unclosed) {
        findings.push({ offset: statement.offset + statement.text.length, severity: 1, fatal: true,
            message: `unclosed ${statement.unclosed} at the end of the file` });
    }
    return findings;
}

/** Lints one file's text: a .cypher file statement by statement, a Markdown guide block by block. */
export function lintText(text, file) {
    const parameters = declaredParameters(text);
    const statements = file.endsWith('.md')
        ? cypherBlocks(text).flatMap(block => splitStatements(block.text).map(s => ({
            ...s, offset: block.offset + s.offset, requireSemicolon: false, consoleCommands: true })))
        : splitStatements(text).map(s => ({ ...s, requireSemicolon: true, consoleCommands: false }));
    return statements.flatMap(s => lintStatement(s, { parameters, consoleCommands: s.consoleCommands }))
        .map(f => ({ ...f, ...lineAndColumn(text, f.offset) }))
        .sort((a, b) => a.offset - b.offset);
}

/** The files to lint: *.cypher known to git (tracked, or untracked and not ignored), and the guides. */
function repositoryFiles() {
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--',
        '*.cypher', 'cypher/browser/*.md'], { cwd: repository, encoding: 'utf8' });
    return [...new Set(listed.split('\0'))]
        .filter(f => f && !f.split('/').some(part => ['bin', 'obj', 'node_modules'].includes(part)))
        .filter(f => existsSync(path.join(repository, f))) // tracked but deleted in the work tree
        .sort();
}

/**
 * The linter checks itself before it checks the repository: a linter that no longer finds anything (the
 * library's API changed, the splitter broke) would pass every file.
 */
function selfTest() {
    const problems = [];
    const expectSplit = (text, expected) => {
        const got = splitStatements(text).map(s => s.text.trim());
        if (JSON.stringify(got) !== JSON.stringify(expected)) {
            problems.push(`splitStatements(${JSON.stringify(text)}) gave ${JSON.stringify(got)}, not ${JSON.stringify(expected)}`);
        }
    };
    expectSplit("RETURN ';' AS a; RETURN 2 AS b;", ["RETURN ';' AS a", 'RETURN 2 AS b']);
    expectSplit('RETURN "x\\";y" AS a;', ['RETURN "x\\";y" AS a']);
    expectSplit('MATCH (n:`a;``b`) RETURN n;', ['MATCH (n:`a;``b`) RETURN n']);
    expectSplit('// one; two\nRETURN 1 AS a; /* three; */ ;', ['// one; two\nRETURN 1 AS a']);
    expectSplit('RETURN 1 AS a', ['RETURN 1 AS a']);
    const expectLint = (text, fails, what) => {
        const fatal = lintText(text, 'self-test.cypher').filter(f => f.fatal).length;
        if ((fatal > 0) !== fails) {
            problems.push(`${what}: ${fatal} error(s), expected ${fails ? 'some' : 'none'}`);
        }
    };
    expectLint('// :param id => 1\nMATCH (n:Resolution {id: $id}) RETURN n;', false, 'a valid statement');
    expectLint('MATCH (n:`__LABEL__` {id: $id}) RETURN n;', false, 'a placeholder label, parameters from code');
    expectLint('MATCH (n) RETRN n;', true, 'a syntax error');
    expectLint('MATCH (n) RETURN m;', true, 'an undefined variable');
    expectLint('MATCH (n) RETURN id(n) AS i;', true, 'a deprecated function');
    expectLint('CALL { MATCH (n) RETURN n } RETURN n;', true, 'deprecated syntax');
    expectLint('RETURN apoc.convert.toJson(1) AS j;', true, 'a plugin function');
    expectLint('// :param id => 1\nMATCH (n {id: $idd}) RETURN n;', true, 'an undeclared parameter');
    expectLint('RETURN 1 AS a', true, 'a missing semicolon');
    if (problems.length > 0) {
        console.error(`cypher-lint: self-test failed, the linter cannot be trusted:\n  ${problems.join('\n  ')}`);
        process.exit(2);
    }
}

function main() {
    selfTest();
    // Files named on the command line are relative to the current folder; the repository's, to its root.
    const files = process.argv.length > 2
        ? process.argv.slice(2).map(f => ({ shown: f, full: path.resolve(f) }))
        : repositoryFiles().map(f => ({ shown: f, full: path.join(repository, f) }));
    let errors = 0;
    let warnings = 0;
    for (const { shown: file, full } of files) {
        const text = readFileSync(full, 'utf8');
        for (const f of lintText(text, file)) {
            const label = f.fatal ? 'error' : severities[f.severity] ?? 'note';
            const message = f.message.trim().replace(/\n/gu, '\n    ');
            console.log(`${file}:${f.line}:${f.column}: ${label}: ${message}`);
            if (f.fatal) {
                errors++;
            } else {
                warnings++;
            }
        }
    }
    const summary = `cypher-lint: ${files.length} file(s), ${errors} error(s), ${warnings} warning(s)`;
    console.log(summary);
    process.exitCode = errors > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    main();
}
