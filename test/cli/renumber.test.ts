/**
 * `syswire renumber` on a real rebase: NEWBASE is the 6.12 tree (scratch
 * copy of the touched files) with the 6.13 xattrat syscalls wired by the
 * real `generate --apply` (setxattrat..removexattrat = 463..466, alpha
 * 573..576), committed as a git repository.  The sframe series, written for
 * plain 6.12 as 463/464, must move to 467/468.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCaptured, useTempDirs } from '../support/cli-run.js';
import { git } from '../../src/git/git-runner.js';
import { commitAll } from '../support/git-tree.js';
import { loadTree, REPO_ROOT, scratchTree, TREE_612 } from '../support/kernel-trees.js';

const { tmp, defer } = useTempDirs('syswire-renumber-');


/** The files of an output directory (man2/ pages included), by relative path. */
function files(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .sort()
      .filter((n) => statSync(join(dir, n)).isFile())
      .map((n) => [n, readFileSync(join(dir, n), 'utf8')]),
  );
}

/** The mails only, without the posting's headers, which a series syswire did not write cannot give back. */
function mails(dir: string): Map<string, string> {
  const strip = (mail: string) => mail.replace(/^(To|Cc|Message-Id|In-Reply-To|References): .*(\n {4}.*)*\n/gm, '');
  return new Map([...files(dir)].filter(([n]) => n.endsWith('.patch')).map(([n, text]) => [n, strip(text)]));
}

/** Headers `generate` reads besides the model (the bindings' ABI bases). */
const EXTRA = ['arch/x86/include/uapi/asm/unistd.h', 'arch/mips/include/uapi/asm/unistd.h'];

/** stderr without the recipients warning every scratch tree gives (it has no MAINTAINERS). */
const beyondRecipients = (err: string) => err.replace(/^.*: warning: no scripts\/get_maintainer\.pl or MAINTAINERS in the tree;.*\n/m, '');

let oldBase: string;
let newBase: string;

beforeAll(async () => {
  const old = scratchTree(TREE_612, EXTRA);
  defer(old.cleanup);
  oldBase = old.root;
  const fresh = scratchTree(TREE_612, EXTRA);
  defer(fresh.cleanup);
  newBase = fresh.root;
  const applied = await runCaptured('generate', 'test/fixtures/xattrat.yaml', '--tree', newBase, '--apply', '--out', tmp());
  expect(applied.code, applied.err).toBe(0);
  commitAll(newBase, 'fs/xattr: add *at family syscalls');
}, 60_000);

describe('renumber DEFS --tree NEWBASE', () => {
  it('moves sframe 463/464 to 467/468 in every table, regenerates a series that applies, and notes it', async () => {
    const out = tmp();
    const res = await runCaptured('renumber', 'defs/sframe.yaml', '--tree', newBase, '--from', oldBase, '--out', out, '--note');
    expect(beyondRecipients(res.err)).toBe('');
    expect(res.code).toBe(0);
    const tables = loadTree(TREE_612).tables;
    for (const [name, old, nr] of [['sframe_register', 463, 467], ['sframe_unregister', 464, 468]] as const) {
      expect(res.out).toContain(`${name} ${old} -> ${nr}\n`);
      for (const t of tables) expect(res.out).toMatch(new RegExp(`^  ${t.id.replace('/', '\\/')} +${old + t.format.offset} -> ${nr + t.format.offset}$`, 'm'));
    }
    expect(res.out).toMatch(/^ {2}alpha +573 -> 577$/m);
    const written = files(out);
    const wireUp = 'v3-0001-unwind-Add-sframe_-un-register-system-calls.patch';
    expect([...written.keys()].filter((n) => n.endsWith('.patch'))).toEqual([
      'v3-0000-cover-letter.patch',
      wireUp,
      'v3-0002-x86-Wire-up-the-sframe-system-calls.patch',
      'v3-0003-arch-Wire-up-the-sframe-system-calls.patch',
      'v3-0004-selftests-sframe-Add-tests-for-the-new-system-cal.patch',
    ]);
    const patch = written.get(wireUp)!;
    expect(patch).toContain('+#define __NR_sframe_register 467\n');
    expect(patch).toContain('-#define __NR_syscalls 467\n+#define __NR_syscalls 469\n');
    expect(patch).toContain('\n- Renumber sframe_register 463 -> 467 after rebase\n');
    expect(patch).toContain('\n- Renumber sframe_unregister 464 -> 468 after rebase\n');
    git(['apply', '--check', ...[...written.keys()].filter((n) => /^v3-000[1-9]-.*\.patch$/.test(n)).map((n) => join(out, n))], { cwd: newBase });
  }, 60_000);

  it('takes the old numbers from the previous output as well as from the old base', async () => {
    const previous = tmp();
    expect((await runCaptured('series', 'defs/sframe.yaml', '--tree', oldBase, '--out', previous)).code).toBe(0);
    const [fromTree, fromPatches] = [tmp(), tmp()];
    const a = await runCaptured('renumber', 'defs/sframe.yaml', '--tree', newBase, '--from', oldBase, '--out', fromTree);
    const b = await runCaptured('renumber', 'defs/sframe.yaml', '--tree', newBase, '--patches', previous, '--out', fromPatches);
    expect([a.code, b.code]).toEqual([0, 0]);
    const moves = (text: string) => text.replace(/^wrote .*\n/gm, '');
    expect(moves(b.out)).toBe(moves(a.out));
    expect(files(fromPatches)).toEqual(files(fromTree));
    const direct = tmp();
    expect((await runCaptured('series', 'defs/sframe.yaml', '--tree', newBase, '--out', direct)).code).toBe(0);
    expect(files(fromTree)).toEqual(files(direct));
  }, 60_000);

  it('takes explicit numbers of the definition as the old ones and says to update them', async () => {
    const dir = tmp();
    const source = readFileSync(join(REPO_ROOT, 'defs/sframe.yaml'), 'utf8')
      .replace('  - name: sframe_register\n', '  - name: sframe_register\n    number: 463\n')
      .replace('  - name: sframe_unregister\n', '  - name: sframe_unregister\n    number: 464\n');
    writeFileSync(join(dir, 'sframe.yaml'), source);
    const res = await runCaptured('renumber', join(dir, 'sframe.yaml'), '--tree', newBase, '--out', join(dir, 'out'));
    expect(res.code).toBe(0);
    expect(res.out).toContain('sframe_unregister 464 -> 468\n');
    const line = source.split('\n').indexOf('    number: 463') + 1;
    expect(res.err).toContain(`${join(dir, 'sframe.yaml')}:${line}:13: note: sframe_register is now 467; update the definition\n`);
    git(['apply', '--check', ...readdirSync(join(dir, 'out')).filter((n) => /^v3-000[1-9]/.test(n)).map((n) => join(dir, 'out', n))], { cwd: newBase });
  }, 60_000);

  it('needs a source for the old numbers when the definition has none', async () => {
    const res = await runCaptured('renumber', 'defs/sframe.yaml', '--tree', newBase, '--out', tmp());
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/^defs\/sframe\.yaml:\d+:\d+: error: sframe_register has no explicit number/m);
  });
});

describe('renumber --patches DIR --tree NEWBASE', () => {
  it.each(['defs/sframe.yaml', 'test/fixtures/series/sframe-split.yaml'])('renumbering the 6.12 posting of %s equals series on NEWBASE', async (defs) => {
    const [previous, renumbered, direct] = [tmp(), tmp(), tmp()];
    expect((await runCaptured('series', defs, '--tree', oldBase, '--out', previous)).code).toBe(0);
    const res = await runCaptured('renumber', '--patches', previous, '--tree', newBase, '--out', renumbered);
    expect(beyondRecipients(res.err)).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toContain('sframe_register 463 -> 467\n');
    expect(res.out).toMatch(/^ {2}alpha +573 -> 577$/m);
    expect((await runCaptured('series', defs, '--tree', newBase, '--out', direct)).code).toBe(0);
    const want = mails(direct);
    expect(want.size).toBeGreaterThan(0);
    expect(mails(renumbered)).toEqual(want);
    expect(mails(previous)).not.toEqual(want);
  }, 60_000);

  it('reports a hunk it cannot place, exits 1 and writes nothing', async () => {
    const [previous, out] = [tmp(), tmp()];
    expect((await runCaptured('series', 'defs/sframe.yaml', '--tree', oldBase, '--out', previous)).code).toBe(0);
    const name = readdirSync(previous).find((n) => n.startsWith('v3-0001-'));
    const text = readFileSync(join(previous, name!), 'utf8');
    // A context line of the syscalls.h hunk that no tree has.
    const broken = text.replace(/(\+\+\+ b\/include\/linux\/syscalls\.h\n@@[^\n]*\n) [^\n]*\n/, '$1 asmlinkage long sys_no_such_call(void);\n');
    expect(broken).not.toBe(text);
    writeFileSync(join(previous, name!), broken);
    const res = await runCaptured('renumber', '--patches', previous, '--tree', newBase, '--out', out);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(new RegExp(`^${join(previous, name!).replace(/[.()]/g, '\\$&')}: error: include/linux/syscalls\\.h: could not place`, 'm'));
    expect(res.err).toContain('nothing written');
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);

  it.each([
    ['old', 'arch/x86/entry/syscalls/syscall_64.tbl'],
    ['new', 'include/uapi/asm-generic/unistd.h'],
  ])('refuses a conflicted %s base with the file and line, and writes nothing', async (which, path) => {
    const broken = scratchTree(TREE_612, EXTRA);
    defer(broken.cleanup);
    const full = join(broken.root, path);
    const lines = readFileSync(full, 'utf8').split('\n');
    lines.splice(20, 0, '<<<<<<< HEAD');
    writeFileSync(full, lines.join('\n'));
    const out = tmp();
    const [tree, from] = which === 'old' ? [newBase, broken.root] : [broken.root, oldBase];
    const res = await runCaptured('renumber', 'defs/sframe.yaml', '--tree', tree, '--from', from, '--out', out);
    expect(res.code).toBe(1);
    expect(res.err).toBe(`${path}:21: error: unresolved merge conflict marker; resolve the conflict first\n`);
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);
});
