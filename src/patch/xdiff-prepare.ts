/**
 * The preparation step of git's xdiff (xdiff/xprepare.c), ported so that
 * line-diff.ts finds the very same edit script as `git diff`.
 *
 * A file is cut into records: each line with its "\n", the last one
 * possibly without.  Records of both files share one classifier, so equal
 * class ids mean byte-identical lines (a line missing its final newline is
 * a different record from the same text with one).
 *
 * Before Myers runs, xdiff shrinks the problem, and the shrinking changes
 * which of several equally short scripts Myers returns, so it is ported
 * rule for rule:
 *  - trim_ends: the common head and tail lines are left out;
 *  - cleanup_records: in what remains, a line whose class never occurs in
 *    the other file is marked changed up front and hidden from Myers; a
 *    line that occurs "too often" there (at least bogosqrt(n) times,
 *    capped at 1024) is hidden too when it sits in a run of such lines,
 *    judged by clean_mmatch over a window of 100 lines.
 * Myers then works on `rindex`/`ha`, the records that were kept.
 */

/** One side of the diff, as xdiff's xdfile_t. */
export interface DiffSide {
  /** The records: lines including their "\n". */
  lines: string[];
  /** Class id of each record. */
  cls: Int32Array;
  /** changed[i + 1] is 1 when record i is changed; [0] and [n + 1] are sentinels that stay 0. */
  changed: Uint8Array;
  /** The records Myers sees (positions into lines) and their classes. */
  rindex: Int32Array;
  ha: Int32Array;
  nreff: number;
}

const MAX_EQLIMIT = 1024;
const SIMSCAN_WINDOW = 100;
const KPDIS_RUN = 4;

/** Cut a text into records, keeping each "\n". */
export function splitRecords(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    lines.push(text.slice(start, end));
    start = end;
  }
  return lines;
}

/** xdl_bogosqrt: a power of two near the square root, computed with shifts. */
export function bogosqrt(n: number): number {
  let i = 1;
  for (; n > 0; n = Math.floor(n / 4)) i *= 2;
  return i;
}

/** Classify both files, trim the common ends and discard what Myers need not see. */
export function prepareSides(before: string[], after: string[]): [DiffSide, DiffSide] {
  const classes = new Map<string, number>();
  const classify = (lines: string[]) => {
    const cls = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      let id = classes.get(line);
      if (id === undefined) classes.set(line, (id = classes.size));
      cls[i] = id;
    }
    return cls;
  };
  const cls1 = classify(before);
  const cls2 = classify(after);
  const n1 = before.length;
  const n2 = after.length;

  // trim_ends: first differing record from the top, then from the bottom.
  const lim = Math.min(n1, n2);
  let dstart = 0;
  while (dstart < lim && cls1[dstart] === cls2[dstart]) dstart++;
  let tail = 0;
  while (tail < lim - dstart && cls1[n1 - 1 - tail] === cls2[n2 - 1 - tail]) tail++;

  const count1 = countClasses(cls1, classes.size);
  const count2 = countClasses(cls2, classes.size);
  const side1 = cleanupSide(before, cls1, count2, dstart, n1 - tail - 1);
  const side2 = cleanupSide(after, cls2, count1, dstart, n2 - tail - 1);
  return [side1, side2];
}

function countClasses(cls: Int32Array, size: number): Int32Array {
  const count = new Int32Array(size);
  for (const c of cls) count[c]!++;
  return count;
}

/** cleanup_records for one side: `other` counts each class in the other file. */
function cleanupSide(lines: string[], cls: Int32Array, other: Int32Array, dstart: number, dend: number): DiffSide {
  const n = lines.length;
  const mlim = Math.min(bogosqrt(n), MAX_EQLIMIT);
  // dis: 0 no match in the other file, 1 some matches, 2 at least mlim matches.
  const dis = new Uint8Array(n + 1);
  for (let i = dstart; i <= dend; i++) {
    const nm = Math.min(other[cls[i]!]!, mlim);
    dis[i] = nm === 0 ? 0 : nm >= mlim ? 2 : 1;
  }
  const changed = new Uint8Array(n + 2);
  const rindex = new Int32Array(n + 1);
  const ha = new Int32Array(n + 1);
  let nreff = 0;
  for (let i = dstart; i <= dend; i++) {
    if (dis[i] === 1 || (dis[i] === 2 && !cleanMultiMatch(dis, i, dstart, dend))) {
      rindex[nreff] = i;
      ha[nreff] = cls[i]!;
      nreff++;
    } else {
      changed[i + 1] = 1;
    }
  }
  return { lines, cls, changed, rindex, ha, nreff };
}

/**
 * xdl_clean_mmatch: whether a line with many matches (dis 2) is discarded
 * because the runs around it hold mostly lines without any match.
 */
function cleanMultiMatch(dis: Uint8Array, i: number, s: number, e: number): boolean {
  if (i - s > SIMSCAN_WINDOW) s = i - SIMSCAN_WINDOW;
  if (e - i > SIMSCAN_WINDOW) e = i + SIMSCAN_WINDOW;
  let rdis0 = 0;
  let rpdis0 = 1;
  for (let r = 1; i - r >= s; r++) {
    const d = dis[i - r];
    if (d === 0) rdis0++;
    else if (d === 2) rpdis0++;
    else break;
  }
  if (rdis0 === 0) return false;
  let rdis1 = 0;
  let rpdis1 = 1;
  for (let r = 1; i + r <= e; r++) {
    const d = dis[i + r];
    if (d === 0) rdis1++;
    else if (d === 2) rpdis1++;
    else break;
  }
  if (rdis1 === 0) return false;
  rdis1 += rdis0;
  rpdis1 += rpdis0;
  return rpdis1 * KPDIS_RUN < rpdis1 + rdis1;
}
