// Fuzz definition files: mutated copies of every definition in defs/ and
// test/fixtures/*.yaml go through loadDefinitions and the wire-up plan on
// the real 6.12 tree.  Either the plan is made, or a DiagnosticError names
// the definition file and a line (>= 1) for every problem.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import { DiagnosticError } from '../../src/model/diagnostics.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { mutate, prng } from '../support/fuzz.js';
import { loadTree, readTreeFile, REPO_ROOT, TREE_612 } from '../support/kernel-trees.js';

const CASES_PER_FILE = Number(process.env.SYSWIRE_FUZZ_CASES ?? 400);
const files = [
  ...readdirSync(join(REPO_ROOT, 'defs')).filter((f) => f.endsWith('.yaml')).map((f) => `defs/${f}`),
  ...readdirSync(join(REPO_ROOT, 'test/fixtures')).filter((f) => f.endsWith('.yaml')).map((f) => `test/fixtures/${f}`),
];

describe('definition fuzz on 6.12', () => {
  const tree = loadTree(TREE_612);
  const reader = (p: string) => readTreeFile(TREE_612, p);

  it.each(files)('%s: every mutation loads and plans, or fails with file:line', (file) => {
    const source = readFileSync(join(REPO_ROOT, file), 'utf8');
    const r = prng(file.length * 7919 + CASES_PER_FILE);
    let refused = 0;
    for (let i = 0; i < CASES_PER_FILE; i++) {
      const m = mutate(source, r);
      try {
        planWireUp(tree, loadDefinitions(file, m.text), reader);
      } catch (err) {
        const detail = `case ${i} (${m.name}) of ${file}: ${(err as Error).stack}\n--- input ---\n${m.text}`;
        expect(err, detail).toBeInstanceOf(DiagnosticError);
        const diags = (err as DiagnosticError).diagnostics;
        expect(diags.length, detail).toBeGreaterThan(0);
        for (const d of diags) {
          expect(d.file, detail).toBe(file);
          expect(d.line, `${detail}\n${(err as Error).message}`).toBeGreaterThan(0);
        }
        expect((err as Error).message.split('\n')[0], detail).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}:\\d+:\\d+: error: `));
        refused++;
      }
    }
    // A mutation that never breaks anything would prove nothing.
    expect(refused).toBeGreaterThan(0);
    console.log(`definition fuzz ${file}: ${CASES_PER_FILE} cases, ${refused} refused with file:line`);
  });
});
