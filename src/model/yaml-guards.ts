/**
 * YAML features a definition never needs but a hostile file can abuse,
 * each refused quickly with a location instead of a hang, a blown stack
 * or an exhausted heap:
 *
 * - aliases that expand exponentially ("billion laughs"): `a: &a [x, x]`,
 *   `b: &b [*a, *a]`, ...  The yaml package counts expansions when it
 *   builds plain data (`maxAliasCount`); past the limit it throws, and the
 *   error is reported at the first alias that expands a nested one;
 * - collections nested thousands deep (`[[[[...`, `- - - -...`, or by
 *   indentation): the parser recurses per level, so the depth is measured
 *   before parsing (deepNesting), and should the parser still run out of
 *   stack, that is reported as nesting too deep, never as a crash;
 * - an alias to an anchor that is not defined before it.
 */
import { Lexer, Parser, visit, type Alias, type Document, type LineCounter, type Node } from 'yaml';
import type { Diagnostic } from './diagnostics.js';

/** Expansions the yaml package allows when building data; a definition needs a handful at most. */
export const MAX_ALIAS_COUNT = 100;
/** Collections inside each other; a definition needs five or six. */
export const MAX_DEPTH = 64;

/** Lexer tokens that mark structure and are not source text (yaml's CST: DOCUMENT, FLOW_END, SCALAR). */
const CONTROL_TOKENS = new Set(['\x02', '\x18', '\x1f']);
/** Sources that might nest too deeply: more brackets than MAX_DEPTH, that many `- `/`? ` in a row, or deep indentation. */
const MANY_INDICATORS = new RegExp(`(?:[-?][ \\t]+){${MAX_DEPTH + 1}}`);
const DEEP_INDENT = new RegExp(`^ {${MAX_DEPTH / 2}}`, 'm');
const BLOCK_MESSAGE = `block collections nest deeper than ${MAX_DEPTH} levels`;

/**
 * Where collections nest deeper than MAX_DEPTH, found before the parser
 * recurses into them: flow collections (`[[[[...`) and compact block
 * entries on one line (`- - - - ...`) on the lexer's tokens, which stops
 * at the first one too deep; nesting by indentation on yaml's CST.  Only
 * sources that could nest so deep are looked at.
 */
export function deepNesting(source: string): { offset: number; message: string } | undefined {
  const lexed = countBrackets(source) > MAX_DEPTH || MANY_INDICATORS.test(source) ? lexerNesting(source) : undefined;
  if (lexed) return lexed;
  const block = DEEP_INDENT.test(source) ? deepBlockOffset(source) : undefined;
  return block === undefined ? undefined : { offset: block, message: BLOCK_MESSAGE };
}

function lexerNesting(source: string): { offset: number; message: string } | undefined {
  let flow = 0;
  let onLine = 0;
  let offset = 0;
  for (const token of new Lexer().lex(source)) {
    if (token === '[' || token === '{') {
      if (++flow > MAX_DEPTH) return { offset, message: `flow collections nest deeper than ${MAX_DEPTH} levels` };
    } else if (token === ']' || token === '}') flow--;
    else if (token === '\n') onLine = 0;
    else if ((token === '-' || token === '?') && ++onLine > MAX_DEPTH) return { offset, message: BLOCK_MESSAGE };
    if (!CONTROL_TOKENS.has(token)) offset += token.length;
  }
  return undefined;
}

function countBrackets(source: string): number {
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) n++;
  }
  return n;
}

/**
 * The first collection, by offset, deeper than MAX_DEPTH.  Walks yaml's
 * CST with an explicit stack, so neither the walk nor the place found
 * depends on the stack size.
 */
export function deepBlockOffset(source: string): number | undefined {
  type Token = { type?: string; offset?: number; value?: unknown; items?: { key?: unknown; value?: unknown }[] };
  let first: number | undefined;
  const stack: [Token | undefined, number][] = [...new Parser().parse(source)].map((t) => [t as Token, 0]);
  while (stack.length > 0) {
    const [t, depth] = stack.pop()!;
    if (typeof t !== 'object' || t === null) continue;
    const level = t.items && t.type !== 'document' ? depth + 1 : depth;
    if (level > MAX_DEPTH) {
      if (first === undefined || t.offset! < first) first = t.offset;
      continue;
    }
    if (t.value) stack.push([t.value as Token, level]);
    for (const item of t.items ?? []) stack.push([item.key as Token, level], [item.value as Token, level]);
  }
  return first;
}

/** Whether a parser message is the parser running out of stack (nesting deepNesting did not foresee). */
export function isStackOverflow(message: string): boolean {
  return /Maximum call stack size exceeded/.test(message);
}

/**
 * `doc.toJS()` with the alias limit; an alias error becomes a diagnostic
 * at the alias concerned.
 */
export function documentData(doc: Document, lc: LineCounter, file: string): { data: unknown } | { problem: Diagnostic } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    const unresolved = /^Unresolved alias.*: (.*)$/.exec(err.message)?.[1];
    const alias = unresolved !== undefined ? aliases(doc).find((a) => a.source === unresolved) : expandingAlias(doc);
    const message = unresolved !== undefined
      ? `alias '*${unresolved}' has no anchor '&${unresolved}' before it`
      : `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} expansions, as in a "billion laughs" attack); a definition does not need nested anchors`;
    const pos = lc.linePos(alias?.range?.[0] ?? 0);
    return { problem: { file, line: pos.line, col: pos.col, severity: 'error', message } };
  }
}

function aliases(doc: Document): Alias[] {
  const found: Alias[] = [];
  visit(doc, { Alias: (_, node) => void found.push(node) });
  return found;
}

/** The first alias whose anchor holds another alias: where expansion multiplies. */
function expandingAlias(doc: Document): Alias | undefined {
  const holdsAlias = (node: Node | undefined): boolean => {
    let found = false;
    if (node) visit(node, { Alias: () => ((found = true), visit.BREAK) });
    return found;
  };
  const all = aliases(doc);
  return all.find((a) => holdsAlias(a.resolve(doc))) ?? all[0];
}
