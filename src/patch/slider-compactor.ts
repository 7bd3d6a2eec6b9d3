/**
 * Slider compaction, git's xdl_change_compact (xdiff/xdiffi.c) with the
 * indent heuristic that `git diff` has used by default since 2.14.
 *
 * A group of changed lines whose first line equals the line after it (or
 * whose last line equals the line before it) can slide without changing
 * the meaning of the diff.  For every group, in file order:
 *  1. slide it up as far as it goes, then down as far as it goes, merging
 *     with any group it bumps into, until its size stops changing;
 *  2. if some position lines it up with a change group of the other file,
 *     use the lowest such position;
 *  3. otherwise score the positions near the bottom by the two splits
 *     each makes, from blank lines and indentation around them, and take
 *     the lowest score (indent-heuristic.ts).
 * The other file's groups are walked in step (`go`), as xdiff does, to
 * know where changes line up.
 */
import { bestShift } from './indent-heuristic.js';
import type { DiffSide } from './xdiff-prepare.js';

/** A group: [start, end) of changed records; empty when start === end. */
interface Group {
  start: number;
  end: number;
}

// `changed` is offset by one: changed[i + 1] belongs to record i.
const isChanged = (s: DiffSide, i: number) => s.changed[i + 1] === 1;
const setChanged = (s: DiffSide, i: number, v: number) => void (s.changed[i + 1] = v);

function groupInit(s: DiffSide): Group {
  const g = { start: 0, end: 0 };
  while (isChanged(s, g.end)) g.end++;
  return g;
}

function groupNext(s: DiffSide, g: Group): boolean {
  if (g.end === s.lines.length) return false;
  g.start = g.end + 1;
  for (g.end = g.start; isChanged(s, g.end); g.end++);
  return true;
}

function groupPrevious(s: DiffSide, g: Group): boolean {
  if (g.start === 0) return false;
  g.end = g.start - 1;
  for (g.start = g.end; isChanged(s, g.start - 1); g.start--);
  return true;
}

function slideDown(s: DiffSide, g: Group): boolean {
  if (g.end < s.lines.length && s.cls[g.start] === s.cls[g.end]) {
    setChanged(s, g.start++, 0);
    setChanged(s, g.end++, 1);
    while (isChanged(s, g.end)) g.end++;
    return true;
  }
  return false;
}

function slideUp(s: DiffSide, g: Group): boolean {
  if (g.start > 0 && s.cls[g.start - 1] === s.cls[g.end - 1]) {
    setChanged(s, --g.start, 1);
    setChanged(s, --g.end, 0);
    while (isChanged(s, g.start - 1)) g.start--;
    return true;
  }
  return false;
}

function syncBug(what: string): never {
  throw new Error(`slider-compactor: group sync broken ${what}`);
}

/** xdl_change_compact(xdf = side, xdfo = other, XDF_INDENT_HEURISTIC). */
export function compactChanges(side: DiffSide, other: DiffSide): void {
  const g = groupInit(side);
  const go = groupInit(other);
  for (;;) {
    if (g.end !== g.start) {
      let groupsize: number;
      let earliestEnd: number;
      let endMatchingOther: number;
      do {
        groupsize = g.end - g.start;
        endMatchingOther = -1;
        while (slideUp(side, g)) if (!groupPrevious(other, go)) syncBug('sliding up');
        earliestEnd = g.end;
        if (go.end > go.start) endMatchingOther = g.end;
        for (;;) {
          if (!slideDown(side, g)) break;
          if (!groupNext(other, go)) syncBug('sliding down');
          if (go.end > go.start) endMatchingOther = g.end;
        }
      } while (groupsize !== g.end - g.start);

      if (g.end === earliestEnd) {
        // No shifting was possible.
      } else if (endMatchingOther !== -1) {
        while (go.end === go.start) {
          if (!slideUp(side, g)) syncBug('match disappeared');
          if (!groupPrevious(other, go)) syncBug('sliding to match');
        }
      } else {
        const best = bestShift(side, g.end, groupsize, earliestEnd);
        while (g.end > best) {
          if (!slideUp(side, g)) syncBug('best shift unreached');
          if (!groupPrevious(other, go)) syncBug('sliding to blank line');
        }
      }
    }
    if (!groupNext(side, g)) break;
    if (!groupNext(other, go)) syncBug('moving to next group');
  }
  if (groupNext(other, go)) syncBug('at end of file');
}
