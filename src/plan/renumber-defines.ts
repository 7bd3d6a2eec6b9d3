/**
 * Rebuild the `#define __NR_<name> N` side of a foreign patch on a new base
 * (asm-generic/unistd.h, arm64's unistd32.h and asm/unistd.h, ...):
 *
 * - each run of added lines (the pairs, a blank line, a comment) is
 *   renumbered (N + the syscall's move) and placed after the new base's
 *   last `__NR_` pair, past the same context lines the old hunk had between
 *   its last pair and the run (the paragraph's blank line, say);
 * - a count bump `-#define __NR_syscalls A` / `+... B` (or
 *   `__NR_compat_syscalls`) becomes C -> C + (B - A) on the new base's C.
 *
 * Anything else is reported through `report` and the file is left alone.
 */
import { splitLines } from '../kernel/text-lines.js';
import { isCountDefine, parseUnistdLine, printNrDefine, type NrDefine, type UnistdLine } from '../kernel/unistd-reader.js';
import type { FileDiff, Hunk } from '../patch/patch-parser.js';
import { insertLines, type Insertion } from './file-edit.js';
import { parseListLine, renumberLines } from './renumber-core.js';

export type Report = (message: string) => void;

/** A `__NR_syscalls` / `__NR_compat_syscalls` line, parsed. */
function countOf(text: string): NrDefine | undefined {
  const line = parseUnistdLine(text);
  return line.kind === 'define' && isCountDefine(line.define) ? line.define : undefined;
}

/** A `#define __NR_` or `__SYSCALL`/`__SC_COMP` line. */
const isPairLine = (line: UnistdLine) => line.kind === 'define' || line.kind === 'call';

export function rebuildDefines(before: string, file: FileDiff, delta: ReadonlyMap<string, number>, report: Report): string | undefined {
  const lines = splitLines(before).lines;
  const parsed = lines.map(parseUnistdLine);
  // The list ends at `#undef __NR_syscalls` or at the count itself.
  const stop = parsed.findIndex((l) => (l.kind === 'undef' && l.name === 'syscalls') || (l.kind === 'define' && isCountDefine(l.define)));
  let lastPair = -1;
  parsed.slice(0, stop < 0 ? parsed.length : stop).forEach((l, i) => isPairLine(l) && (lastPair = i));
  const replace = new Map<number, string>();
  const insertions: Insertion[] = [];
  for (const hunk of file.hunks) {
    if (!moveCounts(hunk, lines, replace, report)) return undefined;
    for (const run of addedRuns(hunk)) {
      const context = contextAfterPair(hunk, run.start);
      if (context === undefined || lastPair < 0 || context.some((text, k) => lines[lastPair + 1 + k] !== text)) {
        return void report(`${hunk.header}: could not place the block starting '${run.lines[0]}' after the new base's last __NR_ pair`);
      }
      const block = run.lines.map((text) => parseListLine('unistd', text) ?? { text });
      const renumbered = renumberLines(block, (l) => {
        const move = l.name === undefined ? undefined : delta.get(l.name);
        return move === undefined ? undefined : l.nr! + move;
      });
      insertions.push({ after: lastPair + context.length, lines: renumbered });
    }
  }
  return insertLines(before, insertions, replace);
}

/** `-#define __NR_syscalls A` / `+... B` in a hunk: C -> C + (B - A) on the new base. */
function moveCounts(hunk: Hunk, lines: readonly string[], replace: Map<number, string>, report: Report): boolean {
  for (const minus of hunk.lines.filter((l) => l.kind === '-')) {
    const old = countOf(minus.text);
    const plus = old && hunk.lines.map((l) => (l.kind === '+' ? countOf(l.text) : undefined)).find((c) => c?.name === old.name);
    const at = old ? lines.findIndex((l) => countOf(l)?.name === old.name) : -1;
    if (!old || !plus || at < 0) {
      report(`${hunk.header}: could not place the change of '${minus.text}'`);
      return false;
    }
    const current = countOf(lines[at]!)!;
    replace.set(at, printNrDefine(current, current.nr + plus.nr - old.nr));
  }
  return true;
}

/** Runs of consecutive added lines, count bumps left out. */
function addedRuns(hunk: Hunk): { start: number; lines: string[] }[] {
  const runs: { start: number; lines: string[] }[] = [];
  hunk.lines.forEach((l, i) => {
    const adds = l.kind === '+' && !countOf(l.text);
    if (!adds) return;
    const last = runs[runs.length - 1];
    if (last && last.start + last.lines.length === i) last.lines.push(l.text);
    else runs.push({ start: i, lines: [l.text] });
  });
  return runs;
}

/** The context lines between the last `__NR_` pair line before `start` and `start`. */
function contextAfterPair(hunk: Hunk, start: number): string[] | undefined {
  const between: string[] = [];
  for (let i = start - 1; i >= 0; i--) {
    const line = hunk.lines[i]!;
    if (line.kind !== ' ') return undefined;
    if (isPairLine(parseUnistdLine(line.text))) return between.reverse();
    between.push(line.text);
  }
  return undefined;
}
