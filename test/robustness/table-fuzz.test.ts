// Fuzz the table reader and everything after it with mutated real tables
// (6.12 and 6.1): the model is built and the sframe wire-up planned from a
// tree whose one table is mutated.  Either it works, or it fails with a
// TableParseError/TreeError/DiagnosticError naming file:line — never an
// uncaught TypeError or a message without a place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKernelTree, MODEL_FILES } from '../../src/kernel/kernel-tree.js';
import { assertEditable } from '../../src/kernel/tree-guard.js';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { diagnosticLocations, mutate, prng } from '../support/fuzz.js';
import { loadTree, readTreeFile, REPO_ROOT, TREE_61, TREE_612 } from '../support/kernel-trees.js';

const CASES_PER_TABLE = Number(process.env.SYSWIRE_FUZZ_CASES ?? 120);
const DEFS = 'defs/sframe.yaml';
const loaded = loadDefinitions(DEFS, readFileSync(join(REPO_ROOT, DEFS), 'utf8'));

describe.each([
  ['6.12', TREE_612],
  ['6.1', TREE_61],
])('table fuzz on %s', (version, dir) => {
  const tree = loadTree(dir);
  const fuzzCount = { total: 0, add(n: number) { this.total += n; } };
  const support = new Map([...tree.sources].filter(([p]) => (MODEL_FILES as readonly string[]).includes(p)));

  it.each(tree.tables.map((t) => t.path))('%s: every mutation plans or fails with file:line', (path) => {
    const r = prng(hash(`${version}:${path}`));
    const outcomes = { planned: 0, refused: 0 };
    for (let i = 0; i < CASES_PER_TABLE; i++) {
      const m = mutate(tree.sources.get(path)!, r);
      const sources = new Map(support).set(path, m.text);
      try {
        assertEditable(path, m.text);
        const mutated = buildKernelTree(sources, [path]);
        planWireUp(mutated, loaded, (p) => readTreeFile(dir, p));
        outcomes.planned++;
      } catch (err) {
        const where = diagnosticLocations(err);
        const detail = `case ${i} (${m.name}) of ${path}: ${(err as Error).stack}`;
        expect(where, detail).toBeDefined();
        for (const w of where!) expect(w, detail).toMatch(/^[^:]+:[1-9]\d*$/);
        outcomes.refused++;
      }
    }
    expect(outcomes.planned + outcomes.refused).toBe(CASES_PER_TABLE);
    fuzzCount.add(CASES_PER_TABLE);
  });

  it('the fuzzer produced both accepted and refused tables', () => {
    // Guard against a fuzzer that only ever breaks the first line.
    const path = tree.tables[0]!.path;
    const r = prng(7);
    const kinds = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const m = mutate(tree.sources.get(path)!, r);
      try {
        assertEditable(path, m.text);
        buildKernelTree(new Map(support).set(path, m.text), [path]);
        kinds.add('ok');
      } catch {
        kinds.add('refused');
      }
    }
    expect([...kinds].sort()).toEqual(['ok', 'refused']);
    console.log(`table fuzz ${version}: ${fuzzCount.total} mutated tables over ${tree.tables.length} tables`);
  });
});

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
