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
import type { FileDiff, Hunk } from '../patch/patch-parser.js';
import { insertLines, type Insertion } from './file-edit.js';

export const COUNT = /^(#define\s+__NR_(?:compat_)?syscalls\s+)(\d+)(\s*)$/;
export const DEFINE = /^(#define\s+__NR_(\w+)\s+)(\d+)(\s*)$/;
const PAIR = /^(#define\s+__NR_\w+\s+\d+|__SYSCALL\(|__SC_COMP\()/;

export type Report = (message: string) => void;

export function rebuildDefines(before: string, file: FileDiff, delta: ReadonlyMap<string, number>, report: Report): string | undefined {
  const lines = splitLines(before).lines;
  const stop = lines.findIndex((l) => /^#undef\s+__NR_syscalls\b/.test(l) || COUNT.test(l));
  let lastPair = -1;
  lines.slice(0, stop < 0 ? lines.length : stop).forEach((l, i) => PAIR.test(l) && (lastPair = i));
  const replace = new Map<number, string>();
  const insertions: Insertion[] = [];
  for (const hunk of file.hunks) {
    if (!moveCounts(hunk, lines, replace, report)) return undefined;
    for (const run of addedRuns(hunk)) {
      const context = contextAfterPair(hunk, run.start);
      if (context === undefined || lastPair < 0 || context.some((text, k) => lines[lastPair + 1 + k] !== text)) {
        return void report(`${hunk.header}: could not place the block starting '${run.lines[0]}' after the new base's last __NR_ pair`);
      }
      const renumbered = run.lines.map((text) => {
        const m = DEFINE.exec(text);
        const move = m && delta.get(m[2]!);
        return m && move !== undefined && move !== null ? `${m[1]}${Number(m[3]) + move}${m[4]}` : text;
      });
      insertions.push({ after: lastPair + context.length, lines: renumbered });
    }
  }
  return insertLines(before, insertions, replace);
}

/** `-#define __NR_syscalls A` / `+... B` in a hunk: C -> C + (B - A) on the new base. */
function moveCounts(hunk: Hunk, lines: readonly string[], replace: Map<number, string>, report: Report): boolean {
  const macro = (text: string) => /__NR_\w+/.exec(text)![0];
  for (const minus of hunk.lines.filter((l) => l.kind === '-')) {
    const old = COUNT.exec(minus.text);
    const plus = old && hunk.lines.find((l) => l.kind === '+' && COUNT.test(l.text) && macro(l.text) === macro(minus.text));
    const at = old ? lines.findIndex((l) => COUNT.test(l) && macro(l) === macro(minus.text)) : -1;
    if (!old || !plus || at < 0) {
      report(`${hunk.header}: could not place the change of '${minus.text}'`);
      return false;
    }
    const step = Number(COUNT.exec(plus.text)![2]) - Number(old[2]);
    const m = COUNT.exec(lines[at]!)!;
    replace.set(at, `${m[1]}${Number(m[2]) + step}${m[3]}`);
  }
  return true;
}

/** Runs of consecutive added lines, count bumps left out. */
function addedRuns(hunk: Hunk): { start: number; lines: string[] }[] {
  const runs: { start: number; lines: string[] }[] = [];
  hunk.lines.forEach((l, i) => {
    const adds = l.kind === '+' && !COUNT.test(l.text);
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
    if (PAIR.test(line.text)) return between.reverse();
    between.push(line.text);
  }
  return undefined;
}
