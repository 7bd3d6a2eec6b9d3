// An interrupted `generate --apply` leaves every file either old or new,
// never a mix: the real bin is SIGKILLed at random moments around its
// write phase, many times, on a scratch 6.12 tree.  And writeFilesAtomic
// failing while it stages (phase 1) leaves no target changed and no
// temporary file behind.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFilesAtomic, WriteError } from '../../src/io/file-writer.js';
import { loadKernelTree } from '../../src/kernel/tree-loader.js';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { prng } from '../support/fuzz.js';
import { readTreeFile, REPO_ROOT, scratchTree, TREE_612 } from '../support/kernel-trees.js';

const BIN = join(REPO_ROOT, 'bin/syswire.js');
const TRIALS = Number(process.env.SYSWIRE_KILL_TRIALS ?? 12);
const TMP = /\.syswire-\d+\.tmp$/;

function tmpFiles(root: string, rel = ''): string[] {
  return readdirSync(join(root, rel), { withFileTypes: true }).flatMap((e) => {
    const path = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? tmpFiles(root, path) : TMP.test(e.name) ? [path] : [];
  });
}

/**
 * Run the bin; with `killAfterMs`, SIGKILL it that long after it writes the
 * patch into `out`, which it does right before applying to the tree.
 */
function runBin(root: string, out: string, killAfterMs?: number): Promise<{ code: number | null; signal: string | null; ms: number; stderr: string }> {
  const start = performance.now();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  const child = spawn(process.execPath, [BIN, 'generate', 'defs/sframe.yaml', '--tree', root, '--out', out, '--apply'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => void (stderr += d));
  const watcher = killAfterMs === undefined ? undefined : watch(out, () => {
    watcher!.close();
    setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  });
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      watcher?.close();
      resolve({ code, signal, ms: performance.now() - start, stderr });
    }),
  );
}

describe('interrupted --apply', () => {
  const { root, cleanup } = scratchTree(TREE_612, readdirSync(join(TREE_612, 'arch')).map((a) => `arch/${a}/include/uapi/asm/unistd.h`));
  const out = mkdtempSync(join(tmpdir(), 'syswire-kill-out-'));
  afterAll(() => {
    cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  it('SIGKILL at random points: each touched file is entirely old or entirely new', async () => {
    const bundle = join(REPO_ROOT, 'dist/cli/run-cli.js');
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run 'npm run build' first (npm test does)`);
    const tree = loadKernelTree(root);
    const defs = loadDefinitions('defs/sframe.yaml', readFileSync(join(REPO_ROOT, 'defs/sframe.yaml'), 'utf8'));
    const edits = planWireUp(tree, defs, (p) => readTreeFile(root, p)).edits;
    const restore = () => {
      for (const e of edits) {
        if (e.before === undefined) rmSync(join(root, e.path), { force: true });
        else writeFileSync(join(root, e.path), e.before);
      }
    };
    // Kills land 0-25 ms after the patch appears in --out: the tree is
    // read back, staged and renamed in that window.
    const full = await runBin(root, out);
    expect(full.code, full.stderr).toBe(0);
    for (const e of edits) expect(readFileSync(join(root, e.path), 'utf8'), e.path).toBe(e.after);
    const r = prng(20260604);
    const tally = { untouched: 0, complete: 0, partial: 0, tmpLeft: 0 };
    for (let i = 0; i < TRIALS; i++) {
      restore();
      const delay = 25 * r();
      await runBin(root, out, delay);
      let news = 0;
      for (const e of edits) {
        const full = join(root, e.path);
        const now = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
        expect([e.before, e.after], `trial ${i} (kill ${delay.toFixed(1)} ms after the patch): ${e.path} is neither old nor new`).toContain(now);
        if (now === e.after) news++;
      }
      tally[news === 0 ? 'untouched' : news === edits.length ? 'complete' : 'partial']++;
      if (tmpFiles(root).length > 0) tally.tmpLeft++;
    }
    // A later run finishes the job and removes the killed runs' temporary files.
    restore();
    const again = await runBin(root, out);
    expect(again.code, again.stderr).toBe(0);
    for (const e of edits) expect(readFileSync(join(root, e.path), 'utf8'), e.path).toBe(e.after);
    expect(tmpFiles(root)).toEqual([]);
    restore();
    console.log(`interrupted --apply: ${TRIALS} kills: ${JSON.stringify(tally)} (full run ${full.ms.toFixed(0)} ms)`);
  });
});

describe('writeFilesAtomic', () => {
  it('a failure while staging (phase 1) changes no target and leaves no temporary file', () => {
    const root = mkdtempSync(join(tmpdir(), 'syswire-write-'));
    try {
      writeFileSync(join(root, 'a.txt'), 'old a\n');
      writeFileSync(join(root, 'blocker'), 'a file where a directory is needed\n');
      mkdirSync(join(root, 'd'));
      writeFileSync(join(root, 'd/b.txt'), 'old b\n');
      const files = [
        { path: 'a.txt', content: 'new a\n' },
        { path: 'd/b.txt', content: 'new b\n' },
        { path: 'blocker/c.txt', content: 'cannot be created\n' },
      ];
      expect(() => writeFilesAtomic(root, files)).toThrow(WriteError);
      expect(readFileSync(join(root, 'a.txt'), 'utf8')).toBe('old a\n');
      expect(readFileSync(join(root, 'd/b.txt'), 'utf8')).toBe('old b\n');
      expect(tmpFiles(root)).toEqual([]);
      // Without the blocker the same call writes both.
      expect(writeFilesAtomic(root, files.slice(0, 2))).toEqual(['a.txt', 'd/b.txt']);
      expect(readFileSync(join(root, 'd/b.txt'), 'utf8')).toBe('new b\n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the bin exists for the kill test (npm test builds it first)', () => {
    const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/generate DEFS/);
  });
});
