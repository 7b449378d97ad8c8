// Cutting Cypher text into statements, and finding the Cypher inside a Markdown guide. Pure functions:
// text in, pieces with their offsets out, so that every diagnostic maps back to a line of its file.

/**
 * Splits Cypher text at the semicolons that end statements. A semicolon does not end a statement inside a
 * string ('…' or "…", where a backslash escapes the next character), an escaped name (`…`, where `` is a
 * backtick), a line comment (// to the end of the line) or a block comment.
 * Pieces holding only whitespace and comments are dropped.
 * @returns {{text: string, offset: number, terminated: boolean, unclosed: string | null}[]} each statement
 *   without its semicolon; `terminated` is false for text after the last semicolon; `unclosed` names the
 *   string, name or comment still open at the end of the text.
 */
export function splitStatements(text) {
    const statements = [];
    let start = 0;
    let hasCode = false;
    let state = 'code';
    const close = (end, terminated) => {
        if (hasCode) {
            statements.push({ text: text.slice(start, end), offset: start, terminated, unclosed: null });
        }
        hasCode = false;
    };
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        const next = text[i + 1];
        switch (state) {
            case 'code':
                if (c === '/' && next === '/') {
                    state = 'line comment';
                    i++;
                } else if (c === '/' && next === '*') {
                    state = 'block comment';
                    i++;
                } else if (c === "'" || c === '"' || c === '`') {
                    state = c;
                    hasCode = true;
                } else if (c === ';') {
                    close(i, true);
                    start = i + 1;
                } else if (!/\s/u.test(c)) {
                    hasCode = true;
                }
                break;
            case 'line comment':
                if (c === '\n') {
                    state = 'code';
                }
                break;
            case 'block comment':
                if (c === '*' && next === '/') {
                    state = 'code';
                    i++;
                }
                break;
            case '`':
                if (c === '`' && next === '`') {
                    i++;
                } else if (c === '`') {
                    state = 'code';
                }
                break;
            default: // inside a string: state is its quote
                if (c === '\\') {
                    i++;
                } else if (c === state) {
                    state = 'code';
                }
                break;
        }
    }
    close(text.length, false);
    const unclosed = { "'": 'string', '"': 'string', '`': 'escaped name', 'block comment': 'block comment' }[state];
    if (unclosed && statements.length > 0) {
        statements[statements.length - 1].unclosed = unclosed;
    }
    return statements;
}

/**
 * The bodies of the fenced ```cypher blocks of a Markdown text (the blocks Neo4j Browser makes runnable in a
 * guide), each with the offset of its first character.
 * @returns {{text: string, offset: number}[]}
 */
export function cypherBlocks(markdown) {
    const blocks = [];
    const fence = /^(```+|~~~+)[ \t]*cypher\b[^\n]*\n/gmu;
    let match;
    while ((match = fence.exec(markdown)) !== null) {
        const bodyStart = match.index + match[0].length;
        const closing = new RegExp(`^${match[1]}[ \\t]*$`, 'mu');
        const rest = markdown.slice(bodyStart);
        const end = rest.search(closing);
        const body = end === -1 ? rest : rest.slice(0, end);
        blocks.push({ text: body, offset: bodyStart });
        fence.lastIndex = bodyStart + body.length;
    }
    return blocks;
}

/**
 * The parameters a file declares the way Neo4j Browser sets them, `:param name => value`, on a line of its
 * own or in a // comment (the header of a query file).
 * @returns {Set<string>}
 */
export function declaredParameters(text) {
    const names = new Set();
    for (const match of text.matchAll(/^[ \t]*(?:\/\/[ \t]*)?:param[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*=>/gmu)) {
        names.add(match[1]);
    }
    return names;
}

/** The 1-based line and column of an offset. */
export function lineAndColumn(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text[i] === '\n') {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}
