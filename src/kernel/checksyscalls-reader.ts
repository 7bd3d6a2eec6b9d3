/**
 * Reader for scripts/checksyscalls.sh, the `missing-syscalls` step of
 * `make prepare` (Kbuild).
 *
 * The script feeds the compiler a C snippet: a here-document (`cat << EOF`
 * ... `EOF` in its `ignore_list()` function) holding `#include`s and
 * `#define __IGNORE_<name>` lines, some inside `#if`/`#ifdef`/`#ifndef`
 * blocks, in paragraphs that open with a `/* ... *\/` comment; then one
 * `#warning syscall <name> not implemented` check for every row of the
 * reference table (x86's syscall_32.tbl) whose `__NR_<name>` and
 * `__IGNORE_<name>` are both undefined.  Up to 6.12 the table's path is
 * written in the `syscall_list` call; from 6.13 it is the `reference_table`
 * variable.  Lines are kept as they are, so an unchanged script prints back
 * byte for byte.
 */
import { splitLines, type TextLines } from './text-lines.js';
import { TreeError } from './tree-guard.js';

export const CHECKSYSCALLS = 'scripts/checksyscalls.sh';

export interface IgnoreEntry {
  name: string;
  /** 0-based line of the `#define`. */
  line: number;
  /** Whether the define sits inside an `#if` block (it then holds only on some configurations). */
  conditional: boolean;
}

export interface ChecksyscallsScript {
  path: string;
  text: TextLines;
  /** 0-based lines of the here-document's `cat << EOF` and of its closing `EOF`. */
  list: { start: number; end: number };
  ignores: IgnoreEntry[];
  /** Tree-relative path of the table every arch is compared with. */
  referenceTable: string;
}

const HEREDOC = /^cat\s*<<\s*'?(\w+)'?\s*$/;
const IGNORE = /^#define\s+__IGNORE_(\w+)\b/;
const OPEN_IF = /^#\s*if(n?def)?\b/;
const CLOSE_IF = /^#\s*endif\b/;
const REFERENCE = /\$\(dirname \$0\)\/\.\.\/(\S+\.tbl)/;

export function parseChecksyscalls(path: string, source: string): ChecksyscallsScript {
  const text = splitLines(source);
  const start = text.lines.findIndex((l) => HEREDOC.test(l));
  if (start < 0) throw new TreeError(path, 0, "no 'cat << EOF' ignore list found");
  const marker = HEREDOC.exec(text.lines[start]!)![1]!;
  const end = text.lines.indexOf(marker, start + 1);
  if (end < 0) throw new TreeError(path, start + 1, `the ignore list has no closing '${marker}' line`);
  const ignores: IgnoreEntry[] = [];
  let depth = 0;
  for (let i = start + 1; i < end; i++) {
    const line = text.lines[i]!;
    if (OPEN_IF.test(line)) depth++;
    else if (CLOSE_IF.test(line)) depth = Math.max(0, depth - 1);
    const m = IGNORE.exec(line);
    if (m) ignores.push({ name: m[1]!, line: i, conditional: depth > 0 });
  }
  const reference = REFERENCE.exec(source);
  if (!reference) throw new TreeError(path, 0, 'no reference table ($(dirname $0)/../<table>.tbl) found');
  return { path, text, list: { start, end }, ignores, referenceTable: reference[1]! };
}

/** Names ignored on every configuration (outside any `#if` block). */
export function alwaysIgnored(script: ChecksyscallsScript): Set<string> {
  return new Set(script.ignores.filter((e) => !e.conditional).map((e) => e.name));
}
