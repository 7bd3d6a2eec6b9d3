/**
 * A small seeded fuzzer for text inputs (syscall tables, definition YAML):
 * a deterministic PRNG and line/byte mutations.  A failing case prints its
 * seed and mutation, so it can be replayed exactly.
 */
import { TableParseError } from '../../src/kernel/syscall-table-reader.js';
import { TreeError } from '../../src/kernel/tree-guard.js';
import { DiagnosticError } from '../../src/model/diagnostics.js';

/** mulberry32: tiny, fast, good enough to spread mutations. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Mutation {
  name: string;
  text: string;
}

const NOISE = ['\t', ' ', '\r', '\0', '#', ':', '-', '"', "'", '{', '[', '\u00e9', '\ufeff', '<<<<<<< HEAD', '0x1f', '999999999999', '\n'];

type Mutator = (lines: string[], r: () => number, pick: (n: number) => number) => string;

const MUTATORS: Record<string, Mutator> = {
  deleteLine: (l, _r, pick) => (l.splice(pick(l.length), 1), l.join('\n')),
  duplicateLine: (l, _r, pick) => {
    const i = pick(l.length);
    l.splice(i, 0, l[i]!);
    return l.join('\n');
  },
  swapLines: (l, _r, pick) => {
    const [i, j] = [pick(l.length), pick(l.length)];
    [l[i], l[j]] = [l[j]!, l[i]!];
    return l.join('\n');
  },
  insertNoise: (l, _r, pick) => {
    const i = pick(l.length);
    const at = pick(l[i]!.length + 1);
    l[i] = l[i]!.slice(0, at) + NOISE[pick(NOISE.length)] + l[i]!.slice(at);
    return l.join('\n');
  },
  randomBytes: (l, r, pick) => {
    const i = pick(l.length);
    const bytes = Array.from({ length: 1 + pick(6) }, () => String.fromCharCode(Math.floor(r() * 256)));
    l[i] = l[i]!.slice(0, pick(l[i]!.length + 1)) + bytes.join('');
    return l.join('\n');
  },
  tabsToSpaces: (l, _r, pick) => {
    const i = pick(l.length);
    l[i] = l[i]!.replace(/\t/g, ' '.repeat(1 + pick(8)));
    return l.join('\n');
  },
  deleteField: (l, _r, pick) => {
    const i = pick(l.length);
    const words = l[i]!.split(/(\s+)/);
    words.splice(pick(words.length), 1);
    l[i] = words.join('');
    return l.join('\n');
  },
  changeNumber: (l, _r, pick) => {
    const i = pick(l.length);
    l[i] = l[i]!.replace(/\d+/, () => String([0, 1, pick(1000), 2 ** 31, -1][pick(5)]));
    return l.join('\n');
  },
  indent: (l, _r, pick) => {
    const i = pick(l.length);
    l[i] = ' '.repeat(pick(5)) + l[i]!.replace(/^\s{0,2}/, '');
    return l.join('\n');
  },
  truncate: (l, _r, pick) => {
    const text = l.join('\n');
    return text.slice(0, pick(text.length + 1));
  },
};

export const MUTATOR_NAMES = Object.keys(MUTATORS);

/** Apply 1-3 random mutations to `text`. */
export function mutate(text: string, r: () => number): Mutation {
  const pick = (n: number) => Math.floor(r() * Math.max(n, 1));
  let out = text;
  const names: string[] = [];
  for (let k = 1 + pick(3); k > 0; k--) {
    const name = MUTATOR_NAMES[pick(MUTATOR_NAMES.length)]!;
    const lines = out.split('\n');
    if (lines.length === 0) break;
    out = MUTATORS[name]!(lines, r, pick);
    names.push(name);
  }
  return { name: names.join('+'), text: out };
}

/**
 * What a clean failure looks like: one of syswire's diagnostic errors whose
 * every message line starts with `file:line` (line >= 1).
 */
export function diagnosticLocations(err: unknown): string[] | undefined {
  if (err instanceof TableParseError || err instanceof TreeError) return [`${err.path}:${err.line}`];
  if (err instanceof DiagnosticError) return err.diagnostics.map((d) => `${d.file}:${d.line}`);
  return undefined;
}
