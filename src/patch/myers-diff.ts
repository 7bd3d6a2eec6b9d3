/**
 * Myers' O(ND) difference algorithm as git's xdiff runs it (xdl_do_diff,
 * xdl_recs_cmp and xdl_split in xdiff/xdiffi.c), ported step for step so
 * that ties between equally short edit scripts break the same way.
 *
 * The box (off1, lim1) x (off2, lim2) is shrunk by its common head and
 * tail, then split at the middle snake found by searching forward from the
 * top-left and backward from the bottom-right corner at once; both halves
 * are solved the same way.  Git's escape hatches for costly boxes are kept
 * too, because they decide the output for large rewrites:
 *  - once the cost passes 256 (heur_min) and a snake longer than 20 lines
 *    was seen, a diagonal that got far enough (v > 4 * cost) and ends in
 *    a 20-line snake is taken as the split;
 *  - once the cost reaches mxcost (bogosqrt of the diagonal count, at
 *    least 256), the furthest-reaching diagonal is taken, optimal or not.
 * need_min (--minimal) is never set by `git diff`'s defaults, but it is
 * passed down as xdiff does: the halves of a heuristic split are solved
 * minimally on the side the heuristic did not guess.
 *
 * Boxes are kept on an explicit stack instead of recursing; each box only
 * marks its own records, so the order does not matter.
 */
import type { DiffSide } from './xdiff-prepare.js';
import { bogosqrt } from './xdiff-prepare.js';

const MAX_COST_MIN = 256;
const HEUR_MIN_COST = 256;
const SNAKE_CNT = 20;
const K_HEUR = 4;
const LINE_MAX = 0x7fffffff;

interface Env {
  ha1: Int32Array;
  ha2: Int32Array;
  /** Forward and backward furthest-reaching x per diagonal, indexed by diagonal + offset. */
  kvdf: Int32Array;
  kvdb: Int32Array;
  offset: number;
  mxcost: number;
}

interface Split {
  i1: number;
  i2: number;
  minLo: boolean;
  minHi: boolean;
}

/** Mark the changed records of both sides (xdl_do_diff after preparation). */
export function runMyers(side1: DiffSide, side2: DiffSide): void {
  const ndiags = side1.nreff + side2.nreff + 3;
  const env: Env = {
    ha1: side1.ha,
    ha2: side2.ha,
    kvdf: new Int32Array(ndiags),
    kvdb: new Int32Array(ndiags),
    offset: side2.nreff + 1,
    mxcost: Math.max(bogosqrt(ndiags), MAX_COST_MIN),
  };
  const stack: [number, number, number, number, boolean][] = [[0, side1.nreff, 0, side2.nreff, false]];
  while (stack.length > 0) {
    let [off1, lim1, off2, lim2, needMin] = stack.pop()!;
    const { ha1, ha2 } = env;
    while (off1 < lim1 && off2 < lim2 && ha1[off1] === ha2[off2]) off1++, off2++;
    while (off1 < lim1 && off2 < lim2 && ha1[lim1 - 1] === ha2[lim2 - 1]) lim1--, lim2--;
    if (off1 === lim1) {
      for (; off2 < lim2; off2++) side2.changed[side2.rindex[off2]! + 1] = 1;
    } else if (off2 === lim2) {
      for (; off1 < lim1; off1++) side1.changed[side1.rindex[off1]! + 1] = 1;
    } else {
      const spl = split(env, off1, lim1, off2, lim2, needMin);
      stack.push([spl.i1, lim1, spl.i2, lim2, spl.minHi], [off1, spl.i1, off2, spl.i2, spl.minLo]);
    }
  }
}

/** xdl_split: find where to cut the box, and whether each half must be solved minimally. */
function split(env: Env, off1: number, lim1: number, off2: number, lim2: number, needMin: boolean): Split {
  const { ha1, ha2, kvdf, kvdb, offset: o } = env;
  const dmin = off1 - lim2;
  const dmax = lim1 - off2;
  const fmid = off1 - off2;
  const bmid = lim1 - lim2;
  const odd = ((fmid - bmid) & 1) !== 0;
  let fmin = fmid;
  let fmax = fmid;
  let bmin = bmid;
  let bmax = bmid;
  kvdf[fmid + o] = off1;
  kvdb[bmid + o] = lim1;

  for (let ec = 1; ; ec++) {
    let gotSnake = false;
    // Widen the forward diagonal range by one, or shrink it at the box edge.
    if (fmin > dmin) kvdf[--fmin - 1 + o] = -1;
    else ++fmin;
    if (fmax < dmax) kvdf[++fmax + 1 + o] = -1;
    else --fmax;
    for (let d = fmax; d >= fmin; d -= 2) {
      let i1 = kvdf[d - 1 + o]! >= kvdf[d + 1 + o]! ? kvdf[d - 1 + o]! + 1 : kvdf[d + 1 + o]!;
      const prev1 = i1;
      let i2 = i1 - d;
      while (i1 < lim1 && i2 < lim2 && ha1[i1] === ha2[i2]) i1++, i2++;
      if (i1 - prev1 > SNAKE_CNT) gotSnake = true;
      kvdf[d + o] = i1;
      if (odd && bmin <= d && d <= bmax && kvdb[d + o]! <= i1) return { i1, i2, minLo: true, minHi: true };
    }

    if (bmin > dmin) kvdb[--bmin - 1 + o] = LINE_MAX;
    else ++bmin;
    if (bmax < dmax) kvdb[++bmax + 1 + o] = LINE_MAX;
    else --bmax;
    for (let d = bmax; d >= bmin; d -= 2) {
      let i1 = kvdb[d - 1 + o]! < kvdb[d + 1 + o]! ? kvdb[d - 1 + o]! : kvdb[d + 1 + o]! - 1;
      const prev1 = i1;
      let i2 = i1 - d;
      while (i1 > off1 && i2 > off2 && ha1[i1 - 1] === ha2[i2 - 1]) i1--, i2--;
      if (prev1 - i1 > SNAKE_CNT) gotSnake = true;
      kvdb[d + o] = i1;
      if (!odd && fmin <= d && d <= fmax && i1 <= kvdf[d + o]!) return { i1, i2, minLo: true, minHi: true };
    }

    if (needMin) continue;

    if (gotSnake && ec > HEUR_MIN_COST) {
      const fwd = goodForwardSnake(env, ec, fmin, fmax, fmid, off1, lim1, off2, lim2);
      if (fwd) return { ...fwd, minLo: true, minHi: false };
      const bwd = goodBackwardSnake(env, ec, bmin, bmax, bmid, off1, lim1, off2, lim2);
      if (bwd) return { ...bwd, minLo: false, minHi: true };
    }

    if (ec >= env.mxcost) return furthestReaching(env, fmin, fmax, bmin, bmax, off1, lim1, off2, lim2);
  }
}

/** A forward diagonal that got far (v > K_HEUR * ec) and ends in a snake of SNAKE_CNT lines. */
function goodForwardSnake(env: Env, ec: number, fmin: number, fmax: number, fmid: number, off1: number, lim1: number, off2: number, lim2: number) {
  const { ha1, ha2, kvdf, offset: o } = env;
  let best = 0;
  let found: { i1: number; i2: number } | undefined;
  for (let d = fmax; d >= fmin; d -= 2) {
    const dd = d > fmid ? d - fmid : fmid - d;
    const i1 = kvdf[d + o]!;
    const i2 = i1 - d;
    const v = i1 - off1 + (i2 - off2) - dd;
    if (v > K_HEUR * ec && v > best && off1 + SNAKE_CNT <= i1 && i1 < lim1 && off2 + SNAKE_CNT <= i2 && i2 < lim2) {
      for (let k = 1; ha1[i1 - k] === ha2[i2 - k]; k++) {
        if (k === SNAKE_CNT) {
          best = v;
          found = { i1, i2 };
          break;
        }
      }
    }
  }
  return found;
}

/** The backward twin of goodForwardSnake. */
function goodBackwardSnake(env: Env, ec: number, bmin: number, bmax: number, bmid: number, off1: number, lim1: number, off2: number, lim2: number) {
  const { ha1, ha2, kvdb, offset: o } = env;
  let best = 0;
  let found: { i1: number; i2: number } | undefined;
  for (let d = bmax; d >= bmin; d -= 2) {
    const dd = d > bmid ? d - bmid : bmid - d;
    const i1 = kvdb[d + o]!;
    const i2 = i1 - d;
    const v = lim1 - i1 + (lim2 - i2) - dd;
    if (v > K_HEUR * ec && v > best && off1 < i1 && i1 <= lim1 - SNAKE_CNT && off2 < i2 && i2 <= lim2 - SNAKE_CNT) {
      for (let k = 0; ha1[i1 + k] === ha2[i2 + k]; k++) {
        if (k === SNAKE_CNT - 1) {
          best = v;
          found = { i1, i2 };
          break;
        }
      }
    }
  }
  return found;
}

/** Cost limit reached: cut at the furthest-reaching forward or backward diagonal. */
function furthestReaching(env: Env, fmin: number, fmax: number, bmin: number, bmax: number, off1: number, lim1: number, off2: number, lim2: number): Split {
  const { kvdf, kvdb, offset: o } = env;
  let fbest = -1;
  let fbest1 = -1;
  for (let d = fmax; d >= fmin; d -= 2) {
    let i1 = Math.min(kvdf[d + o]!, lim1);
    let i2 = i1 - d;
    if (lim2 < i2) {
      i1 = lim2 + d;
      i2 = lim2;
    }
    if (fbest < i1 + i2) {
      fbest = i1 + i2;
      fbest1 = i1;
    }
  }
  let bbest = Number.MAX_SAFE_INTEGER;
  let bbest1 = Number.MAX_SAFE_INTEGER;
  for (let d = bmax; d >= bmin; d -= 2) {
    let i1 = Math.max(off1, kvdb[d + o]!);
    let i2 = i1 - d;
    if (i2 < off2) {
      i1 = off2 + d;
      i2 = off2;
    }
    if (i1 + i2 < bbest) {
      bbest = i1 + i2;
      bbest1 = i1;
    }
  }
  if (lim1 + lim2 - bbest < fbest - (off1 + off2)) return { i1: fbest1, i2: fbest - fbest1, minLo: true, minHi: false };
  return { i1: bbest1, i2: bbest - bbest1, minLo: false, minHi: true };
}
