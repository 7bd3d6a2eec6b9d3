/**
 * The merge driver's resolution for one file (issue 3, git merge driver).
 *
 * It resolves exactly one kind of conflict, the usual one at the top of the
 * syscall lists: both sides appended after the same last line, and both
 * raised `__NR_syscalls`.  Upstream's additions are kept as they are, the
 * branch's follow them, renumbered by the rule of plan/renumber-core.ts
 * (the branch's distinct numbers, ascending, become upstream's highest
 * number in the conflict + 1, + 2, ...; in every file alike, so files git
 * merges one at a time stay consistent with each other), and
 * `__NR_syscalls` becomes the new last number + 1.  In other text files
 * (include/linux/syscalls.h, kernel/sys_ni.c) two insertions at the same
 * place are kept both, upstream's first.  Every other conflict (a side
 * changed or removed an existing line, both added the same syscall, a
 * block that is not a list of rows) is left to git: `clean` is false and
 * the text carries git's conflict markers.
 */
import { joinLines, splitLines } from '../kernel/text-lines.js';
import { parseNrDefine, parseUnistdHeader, printNrDefine } from '../kernel/unistd-reader.js';
import { mergeFileDiff3 } from '../git/merge-file.js';
import { parseListLine, renumberBlock, type ListKind, type ListLine } from '../plan/renumber-core.js';
import { parseConflictBlocks, type Conflict } from './conflict-blocks.js';

/** A syscall table, a unistd header of `__NR_` pairs, or any other text. */
export type FileKind = ListKind | 'text';

export type Side = 'ours' | 'theirs';

export interface MergeInput {
  kind: FileKind;
  base: string;
  ours: string;
  theirs: string;
  /** Which side is upstream (keeps its numbers). */
  upstream: Side;
}

export interface MergeOutcome {
  text: string;
  clean: boolean;
  /** Why a conflict was left to git, one line each. */
  reasons: string[];
}

/** `*.tbl` is a table, a `unistd.h` with `__NR_` defines is a generic header, anything else plain text. */
export function fileKind(path: string, text: string): FileKind {
  if (path.endsWith('.tbl')) return 'table';
  if (/(^|\/)unistd(32)?\.h$/.test(path) && splitLines(text).lines.some((l) => parseNrDefine(l) !== undefined)) return 'unistd';
  return 'text';
}

export function mergeSyscallFile(input: MergeInput): MergeOutcome {
  const { kind, base } = input;
  // Both sides bump __NR_syscalls: take the count out of the textual merge and recompute it.
  const baseCount = countLine(base);
  const neutral = (text: string) => (kind === 'unistd' && baseCount !== undefined ? withCountLine(text, () => baseCount) : text);
  const merged = mergeFileDiff3(neutral(input.ours), base, neutral(input.theirs));
  const regular = kind === 'unistd' && countIsLastPlusOne(base);
  if (merged.conflicts === 0) return { text: regular ? recount(merged.text) : merged.text, clean: true, reasons: [] };
  const { segments, finalNewline } = parseConflictBlocks(merged.text);
  const reasons: string[] = [];
  const out: string[] = [];
  for (const segment of segments) {
    if (segment.kind === 'clean') out.push(...segment.lines);
    else out.push(...resolveConflict(kind, segment, input.upstream, reasons));
  }
  if (reasons.length > 0) {
    const original = mergeFileDiff3(input.ours, base, input.theirs);
    return { text: original.text, clean: false, reasons };
  }
  const text = out.length === 0 ? '' : out.join('\n') + (finalNewline ? '\n' : '');
  return { text: regular ? recount(text) : text, clean: true, reasons };
}

function resolveConflict(kind: FileKind, conflict: Conflict, upstream: Side, reasons: string[]): string[] {
  const up = upstream === 'ours' ? conflict.ours : conflict.theirs;
  const branch = upstream === 'ours' ? conflict.theirs : conflict.ours;
  if (conflict.base.length > 0) {
    reasons.push(`both sides changed existing lines (${conflict.base[0]!.trim() || 'blank line'} ...)`);
    return [];
  }
  if (kind === 'text') return [...up, ...branch];
  const [upLines, branchLines] = [listLines(kind, up), listLines(kind, branch)];
  if (!upLines || !branchLines) {
    reasons.push(`a side's insertion is not a list of syscall ${kind === 'table' ? 'rows' : '__NR_ pairs'}`);
    return [];
  }
  const upNames = new Set(upLines.flatMap((l) => l.name ?? []));
  const twice = branchLines.flatMap((l) => l.name ?? []).filter((n) => upNames.has(n));
  if (twice.length > 0) {
    reasons.push(`both sides add ${[...new Set(twice)].join(', ')}`);
    return [];
  }
  const numbers = upLines.flatMap((l) => l.nr ?? []);
  return [...up, ...(numbers.length === 0 ? branch : renumberBlock(branchLines, Math.max(...numbers) + 1))];
}

/** Every line of one side as a line of a syscall list, or undefined when one is something else. */
function listLines(kind: ListKind, lines: readonly string[]): ListLine[] | undefined {
  const parsed = lines.map((l) => parseListLine(kind, l));
  return parsed.every((l) => l !== undefined) ? parsed : undefined;
}

/** The `#define __NR_syscalls N` line of a text, if it has one. */
function countLine(text: string): string | undefined {
  const header = parseUnistdHeader('unistd.h', text);
  return header.countLine < 0 ? undefined : header.text.lines[header.countLine];
}

/** The text with its `#define __NR_syscalls N` line replaced by `line(old)`. */
function withCountLine(text: string, line: (old: string) => string): string {
  const header = parseUnistdHeader('unistd.h', text);
  if (header.countLine < 0) return text;
  const lines = [...header.text.lines];
  lines[header.countLine] = line(lines[header.countLine]!);
  return joinLines({ lines, finalNewline: header.text.finalNewline });
}

/** The highest `__NR_` number wired before `__NR_syscalls` + 1, if the header has a count. */
function expectedCount(text: string): { count: number; actual: number } | undefined {
  const header = parseUnistdHeader('unistd.h', text);
  const before = header.pairs.filter((p) => p.defineLine < header.countLine && p.callLine >= 0);
  if (header.count === undefined || before.length === 0) return undefined;
  return { count: Math.max(...before.map((p) => p.nr)) + 1, actual: header.count };
}

/** Only a header that follows the rule (count = last + 1) gets its count recomputed. */
function countIsLastPlusOne(text: string): boolean {
  const expected = expectedCount(text);
  return expected !== undefined && expected.count === expected.actual;
}

function recount(text: string): string {
  const expected = expectedCount(text);
  if (!expected) return text;
  return withCountLine(text, (old) => printNrDefine(parseNrDefine(old)!, expected.count));
}
