/**
 * A lint finding, printed the way gcc prints diagnostics so editors and
 * terminals can jump to it:
 *
 *     arch/x86/entry/syscalls/syscall_32.tbl:470:6: error: message [rule-id]
 */
import type { KernelTree } from '../kernel/kernel-tree.js';

export interface Finding {
  file: string;
  /** 1-based; 0 when the finding concerns the whole file. */
  line: number;
  /** 1-based. */
  col: number;
  severity: 'error' | 'warning';
  message: string;
  rule: string;
}

export function formatFinding(f: Finding): string {
  const where = f.line > 0 ? `${f.file}:${f.line}:${f.col}` : f.file;
  return `${where}: ${f.severity}: ${f.message} [${f.rule}]`;
}

/** What a rule sees: the tree model, plus a reader for files outside it (uapi headers, Makefiles). */
export interface LintContext {
  tree: KernelTree;
  readFile: (path: string) => string | undefined;
  /** uapi headers to check besides the ones syscall prototypes use (the ones a patch adds or changes). */
  uapiHeaders: readonly { path: string; added: boolean }[];
  /** uapi headers (tree-relative) that define any of these structs. */
  findStructHeaders: (structs: readonly string[]) => string[];
}

export type LintRule = (ctx: LintContext) => Finding[];

/** 1-based line of the last line of a file (where a missing row would go). */
export function lastLine(text: { lines: readonly string[] }): number {
  return Math.max(1, text.lines.length);
}

export function byPosition(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col || (a.message < b.message ? -1 : 1);
}
