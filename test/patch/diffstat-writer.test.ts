/**
 * writeDiffstat() (fed by readDiffSections() on real `git diff` output)
 * against `git diff --stat=72 --summary`, the widths git format-patch
 * uses: name truncation, graph scaling, number widths, summary wording
 * and `create mode` lines.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDiffSections } from '../../src/patch/diff-section-reader.js';
import { writeDiffstat } from '../../src/patch/diffstat-writer.js';
import { git } from '../../src/patch/git.js';
import { useTempDirs } from '../support/cli-run.js';
import { lines } from '../support/series-spec.js';

const { tmp } = useTempDirs('syswire-stat-');

/** [path, before (undefined: absent), after] */
type Change = [string, string | undefined, string];

function writeTree(dir: string, files: ReadonlyMap<string, string>): string {
  rmSync(join(dir, 'w'), { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, 'w', path)), { recursive: true });
    writeFileSync(join(dir, 'w', path), text);
  }
  mkdirSync(join(dir, 'w'), { recursive: true });
  git(['--work-tree=w', 'add', '-A', '.'], { cwd: dir });
  return git(['write-tree'], { cwd: dir }).trim();
}

const LONG = 'drivers/gpu/drm/amd/display/dc/dml2/dml21/src/dml2_core/dml2_core_shared';
const CASES: [string, Change[]][] = [
  ['one small change', [['a.c', 'a\n', 'b\n']]],
  ['insertions only, deletions only', [['add.c', 'a\n', 'a\nb\nc\n'], ['del.c', 'a\nb\nc\n', 'a\n']]],
  ['new files', [['new/one.c', undefined, 'x\n'], ['new/two.c', undefined, lines(30, 'y')], ['old.c', 'o\n', 'p\n']]],
  ['long names cut at a slash', [[`${LONG}/types.h`, 'a\n', 'b\n'], [`${LONG}/x.c`, lines(4, 'x'), lines(9, 'x')], ['s.c', 'a\n', 'a\nb\n']]],
  ['a long name without a slash in its tail', [[`a/${'n'.repeat(100)}.c`, undefined, 'x\n'], ['b.c', 'a\n', 'b\n']]],
  ['names that just fit with a small graph', [[`${'n'.repeat(60)}.c`, 'a\n', 'b\n'], [`${'m'.repeat(62)}.c`, undefined, 'x\n']]],
  ['scaled graph: big, lopsided, and 1+1 against a thousand', [
    ['big.c', 'x\n', lines(1200, 'b')],
    ['lop.c', lines(700, 'l'), `${lines(100, 'l')}${lines(40, 'k')}`],
    ['each.c', 'p\nq\n', 'p\nr\n'],
    ['few.c', lines(10, 'f'), lines(7, 'f')],
  ]],
  ['counts just over the graph width', [['a.c', undefined, lines(41, 'a')], ['bb/cc.c', lines(40, 'c'), lines(2, 'c')]]],
  ['fifty files', Array.from({ length: 50 }, (_, i): Change => [`arch/a${i}/kernel/syscalls/syscall_${i}.tbl`, lines(i + 1, 's'), lines(2 * i + 3, 's')])],
];

describe('writeDiffstat = git diff --stat=72 --summary', () => {
  it.each(CASES)('%s', (_title, changes) => {
    const dir = tmp();
    git(['init', '-q'], { cwd: dir });
    const before = writeTree(dir, new Map(changes.flatMap(([p, b]) => (b === undefined ? [] : [[p, b]]))));
    const after = writeTree(dir, new Map(changes.map(([p, , a]) => [p, a])));
    const sections = readDiffSections(git(['diff', before, after], { cwd: dir }));
    expect(sections.map((s) => s.path)).toEqual(changes.map(([p]) => p).sort());
    expect(writeDiffstat(sections)).toBe(git(['diff', '--stat=72', '--summary', before, after], { cwd: dir }));
  });
});
