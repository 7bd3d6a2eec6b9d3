/**
 * A line diff that finds exactly the edit script `git diff` shows with its
 * defaults (Myers, indent heuristic on, no whitespace options): the same
 * pipeline as xdl_diff in git's xdiff/xdiffi.c, ported to TypeScript and
 * checked against git 2.39 byte for byte (test/patch/*.test.ts).
 *
 *   prepareSides    xprepare.c: records, classes, trim_ends, cleanup_records
 *   runMyers        xdl_do_diff / xdl_recs_cmp / xdl_split, with git's
 *                   cost heuristics for large boxes (the "good snake" cut
 *                   only fires when both sides keep over ~32k lines)
 *   compactChanges  xdl_change_compact on each side, indent heuristic
 *   buildScript     xdl_build_script: runs of changed lines, in order
 *
 * Not ported, because `git diff` does not use them with syswire's pinned
 * configuration: patience and histogram diffs, --minimal, the whitespace
 * and blank-line options, diff.indentHeuristic=false, and trim_common_tail
 * (xdiff-interface.c, only with zero lines of context).  Lines are
 * compared as UTF-8 text, which is what git compares once the strings are
 * written as files.
 */
import { runMyers } from './myers-diff.js';
import { compactChanges } from './slider-compactor.js';
import { prepareSides, splitRecords } from './xdiff-prepare.js';

/** One change: chg1 records at i1 of the old side became chg2 records at i2 of the new. */
export interface LineChange {
  i1: number;
  i2: number;
  chg1: number;
  chg2: number;
}

export interface LineDiff {
  /** Records of each side, each with its "\n" (the last may lack it). */
  before: string[];
  after: string[];
  changes: LineChange[];
}

export function diffLines(before: string, after: string): LineDiff {
  const records1 = splitRecords(before);
  const records2 = splitRecords(after);
  const block = fixedBlock(records1, records2);
  if (block) return { before: records1, after: records2, changes: [block] };
  const [side1, side2] = prepareSides(records1, records2);
  runMyers(side1, side2);
  compactChanges(side1, side2);
  compactChanges(side2, side1);
  return { before: side1.lines, after: side2.lines, changes: buildScript(side1.changed, side2.changed, side1.lines.length, side2.lines.length) };
}

/**
 * The common case of a wire-up, answered without classifying every line:
 * one side is the other plus one block of lines (rows appended to a
 * table).  xdiff trims the common head and tail first (xdl_trim_ends), which
 * leaves exactly that block, then slides a block only onto equal lines
 * (xdl_change_compact); when neither the line before the block equals its
 * last line nor the line after it equals its first, nothing can move, and
 * the block is git's answer.  Anything else (a changed line, a block that
 * could slide) goes through the whole pipeline.
 */
function fixedBlock(a: readonly string[], b: readonly string[]): LineChange | undefined {
  const lim = Math.min(a.length, b.length);
  let head = 0;
  while (head < lim && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < lim - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const chg1 = a.length - head - tail;
  const chg2 = b.length - head - tail;
  if ((chg1 === 0) === (chg2 === 0)) return undefined;
  const longer = chg1 > 0 ? a : b;
  const end = head + chg1 + chg2;
  if (head > 0 && longer[head - 1] === longer[end - 1]) return undefined;
  if (end < longer.length && longer[head] === longer[end]) return undefined;
  return { i1: head, i2: head, chg1, chg2 };
}

/** xdl_build_script, walking back from the end; `changed` arrays are offset by one. */
function buildScript(changed1: Uint8Array, changed2: Uint8Array, n1: number, n2: number): LineChange[] {
  const changes: LineChange[] = [];
  for (let i1 = n1, i2 = n2; i1 >= 0 || i2 >= 0; i1--, i2--) {
    if (changed1[i1] || changed2[i2]) {
      const l1 = i1;
      const l2 = i2;
      while (changed1[i1]) i1--;
      while (changed2[i2]) i2--;
      changes.push({ i1, i2, chg1: l1 - i1, chg2: l2 - i2 });
    }
  }
  return changes.reverse();
}
