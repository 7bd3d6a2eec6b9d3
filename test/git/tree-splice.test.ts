/**
 * spliceTree against git's own index: the same changes made with
 * `git read-tree` + `git update-index` + `git write-tree` on a full index
 * must give the same tree id.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git } from '../../src/git/git-runner.js';
import { listPaths, spliceTree, type PathChanges } from '../../src/git/tree-splice.js';

const dir = mkdtempSync(join(tmpdir(), 'syswire-splice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: readonly string[], input?: string) => git(args, { cwd: dir, ...(input === undefined ? {} : { input }) });

const FILES = ['top.c', 'arch/x86/entry/syscalls/syscall_64.tbl', 'arch/x86/entry/syscalls/syscall_32.tbl', 'arch/arm/tools/syscall.tbl', 'include/uapi/asm-generic/unistd.h', 'include/linux/syscalls.h', 'a b/odd\tname', 'kernel/sys_ni.c'];
git(['init', '-q'], { cwd: dir });
for (const f of FILES) {
  mkdirSync(dirname(join(dir, f)), { recursive: true });
  writeFileSync(join(dir, f), `${f}\n`);
}
run(['add', '-A']);
const base = run(['write-tree']).trim();
const blob = (text: string) => run(['hash-object', '-w', '--stdin'], text).trim();

/** The same changes through a full index. */
function viaIndex(tree: string | undefined, changes: PathChanges): string {
  const env = { GIT_INDEX_FILE: join(dir, '.git', 'oracle-index') };
  rmSync(env.GIT_INDEX_FILE, { force: true });
  git(tree === undefined ? ['read-tree', '--empty'] : ['read-tree', tree], { cwd: dir, env });
  for (const [path, entry] of changes) {
    const args = entry === null ? ['update-index', '--force-remove', '--', path] : ['update-index', '--add', '--cacheinfo', `${entry.mode},${entry.oid},${path}`];
    git(args, { cwd: dir, env });
  }
  return git(['write-tree'], { cwd: dir, env }).trim();
}

const CASES: [string, { tree: string | undefined; changes: PathChanges }][] = [
  ['one file changed deep down', { tree: base, changes: new Map([['arch/x86/entry/syscalls/syscall_64.tbl', { mode: '100644', oid: blob('new\n') }]]) }],
  ['a new file in a new directory', { tree: base, changes: new Map([['include/uapi/linux/sframe.h', { mode: '100644', oid: blob('h\n') }]]) }],
  ['files across the tree, one at the root', { tree: base, changes: new Map([['top.c', { mode: '100644', oid: blob('t\n') }], ['kernel/sys_ni.c', { mode: '100644', oid: blob('n\n') }], ['arch/arm/tools/syscall.tbl', { mode: '100755', oid: blob('a\n') }]]) }],
  ['a deletion that empties its directories', { tree: base, changes: new Map([['arch/arm/tools/syscall.tbl', null]]) }],
  ['a name with a space and a tab', { tree: base, changes: new Map([['a b/odd\tname', { mode: '100644', oid: blob('odd\n') }]]) }],
  ['from the empty tree', { tree: undefined, changes: new Map([['x/y/z', { mode: '100644', oid: blob('z\n') }], ['w', { mode: '100644', oid: blob('w\n') }]]) }],
  ['deleting everything', { tree: base, changes: new Map(FILES.map((f) => [f, null])) }],
];

describe('spliceTree', () => {
  it.each(CASES)('%s', (_title, { tree, changes }) => {
    expect(spliceTree(run, tree, changes).tree).toBe(viaIndex(tree, changes));
  });

  it("reports what the changed paths held, and keeps a file's mode when none is given", () => {
    const oid = blob('kept mode\n');
    const { tree, replaced } = spliceTree(run, base, new Map([['top.c', { oid }], ['brand/new.c', { oid }]]));
    expect([...replaced.keys()]).toEqual(['top.c']);
    expect(listPaths(run, tree, ['top.c', 'brand/new.c']).get('brand/new.c')).toEqual({ mode: '100644', type: 'blob', oid });
  });

  it('lists entries at paths, absent ones left out', () => {
    const found = listPaths(run, base, ['top.c', 'no/such/file']);
    expect([...found.keys()]).toEqual(['top.c']);
    expect(found.get('top.c')).toMatchObject({ mode: '100644', type: 'blob' });
  });
});
