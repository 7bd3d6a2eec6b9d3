// Seeded fuzz of diffEdits() against real git on real kernel files from the
// 6.12 tree: each case takes one file and applies 1-6 random edits of the
// kinds that make diff algorithms disagree (duplicated nearby lines, blank
// lines, closing braces, copied and repeated blocks, blocks that can slide,
// rewrites mixing new lines with blank lines and braces, deletions, moves,
// a lost final newline).  Every 25th case also shuffles or swaps lines
// through a long file so that Myers' cost passes 256 and git's cut-offs in
// xdl_split decide; a 33k-line header exercises the "good snake" cuts,
// which smaller files never reach.  Cases are diffed in batches (one git
// run per batch); a mismatch names the seed, the case, the file and its
// edits, so it can be replayed:
//
//   SYSWIRE_DIFF_FUZZ_SEED=<seed> npx vitest run test/patch/line-diff-fuzz.test.ts
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffEditsWithGit } from '../../src/patch/git-diff-oracle.js';
import { diffEdits } from '../../src/patch/unified-diff.js';
import type { FileEdit } from '../../src/plan/file-edit.js';
import { prng } from '../support/fuzz.js';
import { compareBatchWithGit } from '../support/git-diff-compare.js';
import { requireTree, TREE_612 } from '../support/kernel-trees.js';

const SEED = Number(process.env.SYSWIRE_DIFF_FUZZ_SEED ?? 612);
const CASES = 400;
const BATCH = 50;
const HEAVY_EVERY = 25;
// Over 32k lines a side, mxcost grows past 256 and the "good snake" cut of
// xdl_split can fire before the mxcost cut; smaller files never get there.
const HUGE_FILE = 'drivers/gpu/drm/amd/include/asic_reg/bif/bif_5_1_sh_mask.h';
const DIRS = ['kernel/sched', 'mm', 'include/linux', 'arch/x86/entry', 'scripts', 'fs/ext4', 'net/ipv4', 'Documentation/process', 'lib'];

/** Files under DIRS, sorted, so a seed always picks the same ones. */
function kernelFiles(): string[] {
  requireTree(TREE_612);
  const files: string[] = [];
  for (const dir of DIRS) {
    for (const rel of readdirSync(join(TREE_612, dir), { recursive: true }) as string[]) {
      const path = join(dir, rel);
      const st = statSync(join(TREE_612, path));
      if (st.isFile() && st.size > 0 && st.size < 400_000) files.push(path);
    }
  }
  return files.sort();
}

type Rand = () => number;
const pick = (r: Rand, n: number) => Math.floor(r() * n);
/** An insertion point in 0..n, near either end of the file one time in five. */
const spot = (r: Rand, n: number) => {
  const roll = r();
  return roll < 0.1 ? Math.min(n, pick(r, 4)) : roll < 0.2 ? Math.max(0, n - pick(r, 4)) : pick(r, n + 1);
};
/** New lines that match nothing, with the blank lines and braces that match a lot. */
const freshLines = (r: Rand, n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => (['', '}', '\t}', '\t\tbreak;'][pick(r, 8)] ?? `${'\t'.repeat(pick(r, 4))}fuzz_${tag}_${i}();`));
const ENDINGS = [['}'], ['}', ''], ['\treturn 0;', '}', ''], [''], ['#endif'], ['\t}', ''], ['};', '']];

/** Edits on a file's lines; each returns a short description for the failure report. */
const MUTATIONS: Record<string, (l: string[], r: Rand) => string> = {
  duplicateNearby: (l, r) => {
    const from = pick(r, l.length);
    const at = Math.max(0, Math.min(l.length, from + pick(r, 11) - 5));
    l.splice(at, 0, l[from]!);
    return `dup ${from}@${at}`;
  },
  insertBlank: (l, r) => {
    const at = spot(r, l.length);
    const n = 1 + pick(r, 3);
    l.splice(at, 0, ...Array<string>(n).fill(''));
    return `blank x${n}@${at}`;
  },
  insertEnding: (l, r) => {
    const at = spot(r, l.length);
    const block = ENDINGS[pick(r, ENDINGS.length)]!;
    l.splice(at, 0, ...block);
    return `ending ${JSON.stringify(block)}@${at}`;
  },
  copyBlock: (l, r) => {
    const from = pick(r, l.length);
    const block = l.slice(from, from + 2 + pick(r, 11));
    const at = pick(r, l.length + 1);
    l.splice(at, 0, ...block);
    return `copy ${from}+${block.length}@${at}`;
  },
  insertNew: (l, r) => {
    const at = spot(r, l.length);
    const n = 1 + pick(r, 8);
    l.splice(at, 0, ...freshLines(r, n, String(at)));
    return `new x${n}@${at}`;
  },
  rewriteBlock: (l, r) => {
    const at = pick(r, l.length);
    const n = 5 + pick(r, 26);
    const m = 3 + pick(r, 30);
    l.splice(at, n, ...freshLines(r, m, `rw${at}`));
    return `rewrite ${at}+${n} as ${m}`;
  },
  repeatBlock: (l, r) => {
    const at = pick(r, l.length);
    const block = l.slice(at, at + 1 + pick(r, 8));
    l.splice(at + block.length, 0, ...block);
    return `repeat ${at}+${block.length}`;
  },
  // A block that ends with the lines before it (or starts with the lines
  // after it) can slide: the indent heuristic picks where.
  slideUpBlock: (l, r) => {
    const at = spot(r, l.length);
    const t = Math.min(at, 1 + pick(r, 3));
    const from = pick(r, l.length);
    const block = [...l.slice(from, from + pick(r, 7)), ...l.slice(at - t, at)];
    l.splice(at, 0, ...block);
    return `slide-up ${from}+${block.length - t} with ${t}@${at}`;
  },
  slideDownBlock: (l, r) => {
    const at = spot(r, l.length);
    const head = l.slice(at, at + 1 + pick(r, 3));
    const from = pick(r, l.length);
    const block = [...head, ...l.slice(from, from + pick(r, 7))];
    l.splice(at, 0, ...block);
    return `slide-down ${head.length} with ${from}+${block.length - head.length}@${at}`;
  },
  deleteRange: (l, r) => {
    const at = pick(r, l.length);
    const n = 1 + pick(r, 10);
    l.splice(at, n);
    return `delete ${at}+${n}`;
  },
  moveBlock: (l, r) => {
    const from = pick(r, l.length);
    const block = l.splice(from, 1 + pick(r, 15));
    const at = pick(r, l.length + 1);
    l.splice(at, 0, ...block);
    return `move ${from}+${block.length}@${at}`;
  },
  editLine: (l, r) => {
    const at = pick(r, l.length);
    l[at] = `${l[at]} /* fuzz */`;
    return `edit ${at}`;
  },
};

/**
 * Blocks of 1-40 lines shuffled over a range of up to 2000 lines: every
 * line still has a match, so cleanup_records keeps them all, Myers' cost
 * passes 256, and git's split heuristics (good snakes, then mxcost) decide.
 */
function scramble(l: string[], r: Rand): string {
  const from = pick(r, Math.max(1, l.length - 2000));
  const to = Math.min(l.length, from + 800 + pick(r, 1200));
  const blocks: string[][] = [];
  for (let i = from; i < to; ) {
    const n = 1 + pick(r, 40);
    blocks.push(l.slice(i, Math.min(i + n, to)));
    i += n;
  }
  for (let i = blocks.length - 1; i > 0; i--) {
    const j = pick(r, i + 1);
    [blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!];
  }
  l.splice(from, to - from, ...blocks.flat());
  return `scramble ${from}..${to} in ${blocks.length} blocks`;
}

/**
 * Adjacent lines swapped every 22-45 lines through a long file: the cost
 * passes 256 while the forward search still runs far along the snakes in
 * between, which is when xdl_split cuts at a "good snake".
 */
function sprinkle(l: string[], r: Rand): string {
  let swaps = 0;
  for (let i = pick(r, 50); i + 1 < l.length; i += 22 + pick(r, 24), swaps++) [l[i], l[i + 1]] = [l[i + 1]!, l[i]!];
  return `sprinkle ${swaps} swaps`;
}

function makeCase(files: string[], index: number) {
  const r = prng(SEED * 1_000_003 + index);
  // Every HEAVY_EVERY-th case scrambles or sprinkles a long file instead.
  const heavy = index % HEAVY_EVERY === HEAVY_EVERY - 1 ? (index % (2 * HEAVY_EVERY) < HEAVY_EVERY ? scramble : sprinkle) : undefined;
  const minLines = heavy === scramble ? 2000 : heavy ? 5000 : 0;
  let path = files[pick(r, files.length)]!;
  let before = readFileSync(join(TREE_612, path), 'utf8');
  while (before.split('\n').length < minLines) before = readFileSync(join(TREE_612, (path = files[pick(r, files.length)]!)), 'utf8');
  const finalNewline = before.endsWith('\n');
  const lines = (finalNewline ? before.slice(0, -1) : before).split('\n');
  const names = Object.keys(MUTATIONS);
  const log: string[] = [];
  if (heavy) log.push(heavy(lines, r));
  for (let n = 1 + pick(r, 6); n > 0; n--) log.push(MUTATIONS[names[pick(r, names.length)]!]!(lines, r));
  const dropNewline = r() < 0.05;
  if (dropNewline) log.push('no final newline');
  const after = lines.length === 0 ? '' : lines.join('\n') + (finalNewline && !dropNewline ? '\n' : '');
  return { edit: { path: `case-${String(index).padStart(3, '0')}/${path}`, before, after } satisfies FileEdit, log };
}

describe(`diffEdits equals git diff on fuzzed kernel files (seed ${SEED})`, () => {
  const files = kernelFiles();
  const batches = Array.from({ length: CASES / BATCH }, (_, b) => b);

  it('has a pool of real kernel files to pick from', () => {
    expect(files.length).toBeGreaterThan(1000);
  });

  it.each(batches)(`batch %i of ${CASES / BATCH}`, (b) => {
    const cases = Array.from({ length: BATCH }, (_, i) => makeCase(files, b * BATCH + i));
    const { failures, sections, changed } = compareBatchWithGit(cases, SEED);
    expect(failures).toEqual([]);
    // Every changed case must have its own section, in both outputs.
    expect(sections).toBe(changed);
    expect(changed).toBeGreaterThan(BATCH * 0.9);
  });
});

describe('git\'s split heuristics on a 33k-line file', () => {
  const before = readFileSync(join(requireTree(TREE_612), HUGE_FILE), 'utf8');
  const same = (after: string, log: string) => {
    const edit = { path: HUGE_FILE, before, after };
    const want = diffEditsWithGit([edit]);
    expect(want.split('\n').length, log).toBeGreaterThan(1000);
    expect(diffEdits([edit]) === want, `seed ${SEED}: ${log}`).toBe(true);
  };
  /** Swap adjacent lines every `step` lines of [from, to). */
  const swapEvery = (l: string[], from: number, to: number, step: number) => {
    for (let i = from; i + 1 < to; i += step) [l[i], l[i + 1]] = [l[i + 1]!, l[i]!];
  };

  it.each([1, 2, 3, 4, 5, 6])('sprinkled swaps and a scramble, case %i', (k) => {
    const r = prng(SEED * 7 + k);
    const lines = before.split('\n');
    const log = [k % 2 ? sprinkle(lines, r) : scramble(lines, r), sprinkle(lines, r)];
    same(lines.join('\n'), `case ${k}: ${log.join('; ')}`);
  });

  // Dense swaps where the forward search starts, sparser mixed changes
  // where the backward search starts: the backward search finds the good
  // snake first.
  it.each([2, 3, 4])('swaps every %i lines, then shuffled windows and swaps', (dense) => {
    const r = prng(SEED * 11 + dense);
    const lines = before.split('\n');
    const half = lines.length >> 1;
    swapEvery(lines, 100, half, dense);
    for (let i = half; i + 20 < lines.length - 100; i += 30 + pick(r, 40)) {
      const window = lines.slice(i, i + 20);
      lines.splice(i, 20, ...window.slice(10), ...window.slice(0, 10));
    }
    const log = sprinkle(lines, r);
    same(lines.join('\n'), `dense ${dense}, windows, ${log}`);
  });
});
