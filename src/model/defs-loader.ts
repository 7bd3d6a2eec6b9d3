/**
 * Load a definition file: parse the YAML with positions (refusing the YAML
 * hazards of yaml-guards.ts), validate it with the zod schema, then run the
 * checks a schema cannot express (duplicate names, header paths inside
 * include/uapi/).  Every problem is reported at once, each mapped back to
 * the YAML node it concerns.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type * as z from 'zod';
import { defsSchema } from './defs-schema.js';
import { DiagnosticError, formatDiagnostic, textPosition, type Diagnostic } from './diagnostics.js';
import { checkDefinitions } from './defs-checks.js';
import type { LoadedDefs, NodePath } from './loaded-defs.js';
import { deepBlockOffset, deepNesting, documentData, isStackOverflow, MAX_DEPTH } from './yaml-guards.js';

export type { LoadedDefs, NodePath } from './loaded-defs.js';

export function loadDefinitions(file: string, source: string): LoadedDefs {
  const lineCounter = new LineCounter();
  const doc = parseYaml(file, source, lineCounter);
  const locate = (path: NodePath) => positionOf(doc, lineCounter, path);
  const error = (path: NodePath, message: string): Diagnostic => ({ file, ...locate(path), severity: 'error', message });
  const plain = documentData(doc, lineCounter, file);
  if ('problem' in plain) throw new DiagnosticError([plain.problem]);
  const parsed = defsSchema.safeParse(plain.data);
  if (!parsed.success) throw new DiagnosticError(unique(parsed.error.issues.flatMap((issue) => issueDiagnostics(issue, error))));
  const loaded: LoadedDefs = { file, defs: parsed.data, locate, error };
  const problems = checkDefinitions(loaded);
  if (problems.length > 0) throw new DiagnosticError(problems);
  return loaded;
}

/** parseDocument, after the nesting check of yaml-guards.ts; every parser error or warning is a diagnostic. */
function parseYaml(file: string, source: string, lineCounter: LineCounter): Document {
  const deep = deepNesting(source);
  if (deep) throw new DiagnosticError([{ file, ...textPosition(source, deep.offset), severity: 'error', message: deep.message }]);
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const parserErrors = [...doc.errors, ...doc.warnings];
  const overflow = parserErrors.find((e) => isStackOverflow(e.message));
  if (overflow) {
    const pos = lineCounter.linePos(deepBlockOffset(source) ?? overflow.pos[0]);
    throw new DiagnosticError([{ file, ...pos, severity: 'error', message: `collections nest deeper than ${MAX_DEPTH} levels` }]);
  }
  const diagnostics: Diagnostic[] = parserErrors.map((e) => ({ file, ...lineCounter.linePos(e.pos[0]), severity: 'error', message: firstLine(e.message) }));
  if (diagnostics.length > 0) throw new DiagnosticError(unique(diagnostics));
  return doc;
}

function issueDiagnostics(issue: z.core.$ZodIssue, error: LoadedDefs['error']): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => error([...path, { key }], `unknown key '${key}'`));
  }
  const where = path.length > 0 ? `${formatPath(path)}: ` : '';
  return [error(path, `${where}${describeIssue(issue)}`)];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return `missing required key (expected ${issue.expected})`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_union') return issue.message.replace(/^Invalid input$/, 'has the wrong type or value');
  return issue.message.replace(/^Invalid input: /, '');
}

/** `['syscalls', 0, 'args']` -> `syscalls[0].args`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * Walk the document along `path`.  A `{ key }` step addresses a map key
 * itself (for unknown keys); otherwise the value node is used.  Stops at the
 * deepest node that exists.
 */
function positionOf(doc: Document, lc: LineCounter, path: NodePath): { line: number; col: number } {
  let node: unknown = doc.contents;
  let found: Node | undefined = doc.contents ?? undefined;
  for (const step of path) {
    if (typeof step === 'object') {
      const pair = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === step.key) : undefined;
      if (pair && isScalar(pair.key)) found = pair.key;
      break;
    }
    const next = (node as { get?: (k: unknown, keep: boolean) => unknown })?.get?.(step, true);
    if (!next || typeof next !== 'object') break;
    node = next;
    found = next as Node;
  }
  const offset = found?.range?.[0] ?? 0;
  return lc.linePos(offset);
}

/** Drop repeats: zod can report one bad value twice (an unsafe integer is also out of range). */
function unique(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => !seen.has(formatDiagnostic(d)) && Boolean(seen.add(formatDiagnostic(d))));
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
