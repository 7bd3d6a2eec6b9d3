import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../support/cli-run.js';
import { REPO_ROOT, TREE_612, requireTree } from '../support/kernel-trees.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));


describe('syswire series CLI', () => {
  it('writes, is idempotent, and --check finds stale files', async () => {
    const out = mkdtempSync(join(tmpdir(), 'syswire-series-cli-'));
    dirs.push(out);
    const tree = requireTree(TREE_612);
    const first = await runCaptured('series', 'defs/sframe.yaml', '--tree', tree, '--out', out);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^wrote .*v3-0001-unwind-Add-sframe_-un-register-system-calls\.patch$/m);
    const again = await runCaptured('series', 'defs/sframe.yaml', '--tree', tree, '--out', out);
    expect(again.out).toMatch(/^unchanged /m);
    expect((await runCaptured('series', 'defs/sframe.yaml', '--tree', tree, '--out', out, '--check')).code).toBe(0);
    const [name] = readdirSync(out).filter((n) => n.endsWith('.patch'));
    writeFileSync(join(out, name!), 'old\n');
    const stale = await runCaptured('series', 'defs/sframe.yaml', '--tree', tree, '--out', out, '--check');
    expect(stale.code).toBe(1);
    expect(stale.err).toContain(`${name}: error: stale; run 'syswire series defs/sframe.yaml'`);
  }, 60_000);

  it('names patch files of the same version an earlier run left, and keeps them', async () => {
    const out = mkdtempSync(join(tmpdir(), 'syswire-series-cli-'));
    dirs.push(out);
    const tree = requireTree(TREE_612);
    // An earlier v3 had two patches; v2 and the generate patch are other series' files.
    for (const name of ['v3-0002-old-second-patch.patch', 'v2-0001-unwind-Add-sframe_register.patch', 'sframe.patch', 'v3-notes.txt']) writeFileSync(join(out, name), 'old\n');
    const res = await runCaptured('series', 'defs/sframe.yaml', '--tree', tree, '--out', out);
    expect(res.code).toBe(0);
    expect(res.err).toBe(`${join(out, 'v3-0002-old-second-patch.patch')}: warning: not part of this series (an earlier run wrote it?); left in place, remove it before sending\n`);
    expect(readdirSync(out).sort()).toEqual([
      'man2',
      'sframe.patch',
      'v2-0001-unwind-Add-sframe_register.patch',
      'v3-0000-cover-letter.patch',
      'v3-0001-unwind-Add-sframe_-un-register-system-calls.patch',
      'v3-0002-old-second-patch.patch',
      'v3-0002-x86-Wire-up-the-sframe-system-calls.patch',
      'v3-0003-arch-Wire-up-the-sframe-system-calls.patch',
      'v3-0004-selftests-sframe-Add-tests-for-the-new-system-cal.patch',
      'v3-notes.txt',
    ]);
  }, 60_000);

  it('reports a date git does not understand, writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'syswire-series-cli-'));
    dirs.push(dir);
    const defs = readFileSync(join(REPO_ROOT, 'test/fixtures/xattrat.yaml'), 'utf8').replace('series:\n', 'series:\n  date: "the day after tomorrow"\n');
    writeFileSync(join(dir, 'bad-date.yaml'), defs);
    const res = await runCaptured('series', join(dir, 'bad-date.yaml'), '--tree', TREE_612, '--out', join(dir, 'out'));
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/^syswire tests <tests@syswire\.invalid>: error: git cannot commit with date 'the day after tomorrow'/m);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('reports usage errors with exit 2 and missing files with exit 1', async () => {
    expect((await runCaptured('series')).code).toBe(2);
    expect((await runCaptured('series', 'defs/sframe.yaml', '--abbrev', '3')).code).toBe(2);
    expect((await runCaptured('renumber', '--tree', TREE_612)).code).toBe(2);
    const missing = await runCaptured('series', 'defs/nope.yaml');
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('defs/nope.yaml: error: no such definition file\n');
  });
});
