/**
 * Load a definition file: parse the YAML with positions, validate it with
 * the zod schema, then run the checks a schema cannot express (duplicate
 * names, header paths inside include/uapi/).  Every problem is reported at
 * once, each mapped back to the YAML node it concerns.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type * as z from 'zod';
import { defsSchema, type Defs } from './defs-schema.js';
import { DiagnosticError, type Diagnostic } from './diagnostics.js';
import { checkDefinitions } from './defs-checks.js';

/** A path into the document; a `{ key }` step addresses a map key itself rather than its value. */
export type NodePath = readonly (string | number | { key: string })[];

export interface LoadedDefs {
  file: string;
  defs: Defs;
  /** Position of the YAML node at `path` (or the nearest existing parent), for diagnostics. */
  locate(path: NodePath): { line: number; col: number };
  /** Build an error diagnostic at `path`. */
  error(path: NodePath, message: string): Diagnostic;
}

export function loadDefinitions(file: string, source: string): LoadedDefs {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return { file, line: pos.line, col: pos.col, severity: 'error', message: firstLine(e.message) };
  });
  if (diagnostics.length > 0) throw new DiagnosticError(diagnostics);

  const locate = (path: NodePath) => positionOf(doc, lineCounter, path);
  const error = (path: NodePath, message: string): Diagnostic => ({ file, ...locate(path), severity: 'error', message });
  const parsed = defsSchema.safeParse(doc.toJS());
  if (!parsed.success) throw new DiagnosticError(parsed.error.issues.flatMap((issue) => issueDiagnostics(issue, error)));
  const loaded: LoadedDefs = { file, defs: parsed.data, locate, error };
  const problems = checkDefinitions(loaded);
  if (problems.length > 0) throw new DiagnosticError(problems);
  return loaded;
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

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
