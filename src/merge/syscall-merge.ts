/**
 * The merge driver's resolution for one file (issue 3, git merge driver).
 *
 * It resolves exactly one kind of conflict, the usual one at the top of the
 * syscall lists: both sides appended after the same last line, and both
 * raised `__NR_syscalls`.  Upstream's additions are kept as they are, the
 * branch's follow them, renumbered (see renumber-lines.ts), and
 * `__NR_syscalls` becomes the new last number + 1.  In other text files
 * (include/linux/syscalls.h, kernel/sys_ni.c) two insertions at the same
 * place are kept both, upstream's first.  Every other conflict (a side
 * changed or removed an existing line, both added the same syscall, a
 * block that is not a list of rows) is left to git: `clean` is false and
 * the text carries git's conflict markers.
 */
import { parseUnistdHeader } from '../kernel/unistd-reader.js';
import { mergeFileDiff3 } from '../git/merge-file.js';
import { parseConflictBlocks, type Conflict } from './conflict-blocks.js';
import { addedNames, highestNumber, isAppendBlock, renumberAfter, type FileKind } from './renumber-lines.js';

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

const COUNT = /^(#define\s+__NR_syscalls\s+)(\d+)(\s*)$/m;

/** `*.tbl` is a table, a `unistd.h` with `__NR_` pairs is a generic header, anything else plain text. */
export function fileKind(path: string, text: string): FileKind {
  if (path.endsWith('.tbl')) return 'table';
  if (/(^|\/)unistd(32)?\.h$/.test(path) && /^#define\s+__NR_\w+\s+\d+/m.test(text)) return 'unistd';
  return 'text';
}

export function mergeSyscallFile(input: MergeInput): MergeOutcome {
  const { kind, base } = input;
  // Both sides bump __NR_syscalls: take the count out of the textual merge and recompute it.
  const baseCount = COUNT.exec(base)?.[0];
  const neutral = (text: string) => (kind === 'unistd' && baseCount !== undefined ? text.replace(COUNT, baseCount) : text);
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
  if (!isAppendBlock(kind, up) || !isAppendBlock(kind, branch)) {
    reasons.push(`a side's insertion is not a list of syscall ${kind === 'table' ? 'rows' : '__NR_ pairs'}`);
    return [];
  }
  const upNames = new Set(addedNames(kind, up));
  const twice = addedNames(kind, branch).filter((n) => upNames.has(n));
  if (twice.length > 0) {
    reasons.push(`both sides add ${[...new Set(twice)].join(', ')}`);
    return [];
  }
  const last = kind === 'text' ? undefined : highestNumber(kind, up);
  return [...up, ...(last === undefined ? branch : renumberAfter(kind, branch, last))];
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
  return text.replace(COUNT, (_, head: string, _n: string, tail: string) => `${head}${expected.count}${tail}`);
}
