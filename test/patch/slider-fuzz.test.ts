// Seeded fuzz of slider placement against real git: small synthetic files
// made of the lines the indent heuristic cares about (blank and
// whitespace-only lines, long blank runs, TAB and space indentation, deep
// indentation past git's 200-column cap, braces, a form feed) get repeated
// blocks inserted or deleted, so that nearly every change is a slider whose
// place git picks by score.  Small files also put many sliders against the
// start and the end of the file.  Replay a failure with
//
//   SYSWIRE_DIFF_FUZZ_SEED=<seed> npx vitest run test/patch/slider-fuzz.test.ts
import { describe, expect, it } from 'vitest';
import { prng } from '../support/fuzz.js';
import { compareBatchWithGit, type DiffCase } from '../support/git-diff-compare.js';

const SEED = Number(process.env.SYSWIRE_DIFF_FUZZ_SEED ?? 612);
const BATCHES = 3;
const BATCH = 200;

const ALPHABET = ['', '', '', '   ', 'a', 'b', 'int f(void)', '{', '}', ' x', '    y', '\ta', '\tb', '\t}', '\t\ta', '\t\t}', '\t\t\t\tz', `${'\t'.repeat(26)}deep`, '\f', '#endif'];

type Rand = () => number;
const pick = (r: Rand, n: number) => Math.floor(r() * n);

function randomLines(r: Rand, n: number): string[] {
  const out: string[] = [];
  while (out.length < n) {
    // Now and then a long run of blank lines, past MAX_BLANKS (20).
    if (r() < 0.03) out.push(...Array<string>(5 + pick(r, 20)).fill(''));
    else out.push(ALPHABET[pick(r, ALPHABET.length)]!);
  }
  return out;
}

const EDITS: Record<string, (l: string[], r: Rand) => string> = {
  repeatBlock: (l, r) => {
    const at = pick(r, l.length);
    const block = l.slice(at, at + 1 + pick(r, 5));
    l.splice(at + block.length, 0, ...block);
    return `repeat ${at}+${block.length}`;
  },
  deleteRepeated: (l, r) => {
    const at = pick(r, l.length);
    const n = 1 + pick(r, 4);
    l.splice(at, n);
    return `delete ${at}+${n}`;
  },
  insertEndingWithBefore: (l, r) => {
    const at = pick(r, l.length + 1);
    const t = Math.min(at, 1 + pick(r, 3));
    const block = [...randomLines(r, pick(r, 4)), ...l.slice(at - t, at)];
    l.splice(at, 0, ...block);
    return `insert ${JSON.stringify(block)}@${at}`;
  },
  insertStartingWithAfter: (l, r) => {
    const at = pick(r, l.length + 1);
    const block = [...l.slice(at, at + 1 + pick(r, 3)), ...randomLines(r, pick(r, 4))];
    l.splice(at, 0, ...block);
    return `insert ${JSON.stringify(block)}@${at}`;
  },
  replaceLine: (l, r) => {
    const at = pick(r, l.length);
    l[at] = ALPHABET[pick(r, ALPHABET.length)]!;
    return `replace ${at}`;
  },
};

function makeCase(index: number): DiffCase {
  const r = prng(SEED * 1_000_033 + index);
  const lines = randomLines(r, 3 + pick(r, 40));
  const before = `${lines.join('\n')}\n`;
  const names = Object.keys(EDITS);
  const log: string[] = [];
  for (let n = 1 + pick(r, 3); n > 0; n--) log.push(EDITS[names[pick(r, names.length)]!]!(lines, r));
  const dropNewline = r() < 0.05 && lines.length > 0;
  if (dropNewline) log.push('no final newline');
  const after = lines.length === 0 ? '' : lines.join('\n') + (dropNewline ? '' : '\n');
  return { edit: { path: `slider-${String(index).padStart(3, '0')}.c`, before, after }, log };
}

describe(`slider placement equals git's on synthetic files (seed ${SEED})`, () => {
  it.each(Array.from({ length: BATCHES }, (_, b) => b))(`batch %i of ${BATCHES}`, (b) => {
    const cases = Array.from({ length: BATCH }, (_, i) => makeCase(b * BATCH + i));
    const { failures, sections, changed } = compareBatchWithGit(cases, SEED);
    expect(failures).toEqual([]);
    expect(sections).toBe(changed);
    expect(changed).toBeGreaterThan(BATCH * 0.8);
  });
});
