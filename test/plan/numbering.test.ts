// Numbering against the real 6.12 tree: auto takes the next free generic
// number, explicit numbers are checked against every table (x86_64's x32
// range included), already wired calls keep their number.
import { describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import { DiagnosticError } from '../../src/model/diagnostics.js';
import { assignNumbers, nextFreeNumber } from '../../src/plan/numbering.js';
import { assignNewNumbers } from '../../src/plan/renumber-core.js';
import { loadTree, TREE_61, TREE_612 } from '../support/kernel-trees.js';

const tree = loadTree(TREE_612);
const defs = (calls: string) =>
  loadDefinitions('t.yaml', `series: { name: t, subject: t, author: "A B <a@b.c>" }\nsyscalls:\n${calls}`);

describe('numbering', () => {
  it('next free number is above every table and __NR_syscalls (463 on 6.12, 451 on 6.1)', () => {
    expect(nextFreeNumber(tree)).toBe(463);
    expect(nextFreeNumber(loadTree(TREE_61))).toBe(451);
  });

  it('gives auto calls consecutive numbers around explicit ones', () => {
    const calls = assignNumbers(tree, defs('  - { name: a }\n  - { name: b, number: 464 }\n  - { name: c }\n'));
    expect(calls.map((c) => [c.def.name, c.nr])).toEqual([['a', 463], ['b', 464], ['c', 465]]);
  });

  it.each([
    ['mseal', 462, 'collides with mseal in include/uapi/asm-generic/unistd.h'],
    ['x32 range', 512, 'collides with rt_sigaction in arch/x86/entry/syscalls/syscall_64.tbl'],
    ['alpha, where 353 + 110 is the legacy pselect6 row', 353, 'collides with pselect6 in arch/alpha/kernel/syscalls/syscall.tbl'],
  ])('refuses an explicit number that collides: %s', (_t, nr, message) => {
    try {
      assignNumbers(tree, defs(`  - { name: frob, number: ${nr} }\n`));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DiagnosticError);
      expect((err as Error).message).toContain(`t.yaml:3:27: error: number ${nr} for frob `);
      expect((err as Error).message).toContain(message);
    }
  });

  it('refuses two calls of one definition on the same number', () => {
    expect(() => assignNumbers(tree, defs('  - { name: a, number: 470 }\n  - { name: b, number: 470 }\n'))).toThrow(/collides with another syscall of this definition/);
  });

  it('keeps the number of an already wired call and marks it', () => {
    const [call] = assignNumbers(tree, defs('  - { name: mseal }\n'));
    expect(call).toMatchObject({ nr: 462, wired: true });
    expect(() => assignNumbers(tree, defs('  - { name: mseal, number: 470 }\n'))).toThrow(/already wired as 462/);
  });
});

describe('assignNewNumbers (renumber)', () => {
  it('gives the old numbers, in their order, the next free ones; a call the tree has keeps its number', () => {
    const news = assignNewNumbers(tree, new Map([['b', 470], ['a', 466], ['mseal', 400]]));
    expect([...news]).toEqual([['b', 464], ['a', 463], ['mseal', 462]]);
  });
});
