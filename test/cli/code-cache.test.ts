/**
 * bin/code-cache.js: the CLI bundle loaded through V8's code cache.  A
 * cache is written once per command, taken on the next run, replaced when
 * V8 rejects it, never shared between two builds of the bundle, and a
 * cache that cannot be written never fails the run.  The real bin gives
 * the same output with and without one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, TREE_612 } from '../support/kernel-trees.js';

const LOADER = pathToFileURL(join(REPO_ROOT, 'bin/code-cache.js')).href;

/**
 * Load `file` in a fresh node, as bin/syswire.js does, call answer(n) and
 * saveCache().  A process of its own: within one, V8's in-memory compile
 * cache answers a second compile of the same source before the code cache
 * is even looked at.
 */
function load(file: string, name: string, n = 1): { answer: number; cacheUsed: boolean; saved: boolean } {
  const script = `const { requireWithCodeCache } = await import(${JSON.stringify(LOADER)});
const l = requireWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(name)});
const answer = l.exports.answer(${n});
console.log(JSON.stringify({ answer, cacheUsed: l.cacheUsed, saved: l.saveCache() }));`;
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(res.stderr);
  return JSON.parse(res.stdout);
}

const dir = mkdtempSync(join(tmpdir(), 'syswire-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bundle(name: string, body: string): string {
  const sub = join(dir, name);
  mkdirSync(sub, { recursive: true });
  const file = join(sub, 'bundle.cjs');
  writeFileSync(file, `"use strict";\nconst path = require('node:path');\nexports.answer = (n) => ${body};\nexports.base = path.basename(__filename);\n`);
  return file;
}
const caches = (file: string) => (existsSync(join(file, '../code-cache')) ? readdirSync(join(file, '../code-cache')) : []);

describe('requireWithCodeCache', () => {
  it('writes a cache after the first run and takes it on the second', () => {
    const file = bundle('first', 'n * 2');
    expect(load(file, 'numbers', 21)).toEqual({ answer: 42, cacheUsed: false, saved: true });
    expect(caches(file)).toEqual([expect.stringMatching(/^numbers-([0-9a-z]+-){4}v\d+\.\d+\.\d+-\w+\.bin$/)]);
    expect(load(file, 'numbers', 4)).toEqual({ answer: 8, cacheUsed: true, saved: false });
    expect(caches(file)).toHaveLength(1);
  });

  it('keeps one cache per command', () => {
    const file = bundle('commands', 'n + 1');
    load(file, 'lint');
    load(file, 'renumber');
    expect(caches(file).map((n) => n.split('-')[0]).sort()).toEqual(['lint', 'renumber']);
  });

  it('replaces a cache V8 rejects', () => {
    const file = bundle('corrupt', 'n - 1');
    load(file, 'numbers');
    const [name] = caches(file);
    const cacheFile = join(file, '../code-cache', name!);
    writeFileSync(cacheFile, Buffer.from('not a code cache'));
    expect(load(file, 'numbers', 1)).toEqual({ answer: 0, cacheUsed: false, saved: true });
    expect(readFileSync(cacheFile).length).toBeGreaterThan(100);
    expect(load(file, 'numbers').cacheUsed).toBe(true);
  });

  it('never takes the cache of another build of the bundle', () => {
    const file = bundle('rebuilt', 'n * 3');
    load(file, 'numbers');
    // Same length, other code: V8's own check (the source length) would pass.
    writeFileSync(file, readFileSync(file, 'utf8').replace('n * 3', 'n + 3'));
    expect(load(file, 'numbers', 5)).toEqual({ answer: 8, cacheUsed: false, saved: true });
    expect(caches(file)).toHaveLength(2);
  });

  it('runs without a cache where none can be written', () => {
    const file = bundle('readonly', 'n');
    writeFileSync(join(file, '../code-cache'), 'a file where the cache directory would go');
    expect(load(file, 'numbers', 7)).toEqual({ answer: 7, cacheUsed: false, saved: false });
    expect(readdirSync(join(file, '..')).sort()).toEqual(['bundle.cjs', 'code-cache']);
  });
});

describe('bin/syswire.js with and without its code cache', () => {
  const cli = join(REPO_ROOT, 'dist/bundle/syswire.cjs');
  const cacheDir = join(REPO_ROOT, 'dist/bundle/code-cache');
  const cachesOf = (command: string) => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((n) => n.startsWith(`${command}-`)) : []);
  const needBundle = () => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run 'npm run build' first (npm test does)`);
  };

  it('keeps no cache from a failed run', () => {
    needBundle();
    for (const f of cachesOf('renumber')) rmSync(join(cacheDir, f));
    const res = spawnSync(process.execPath, ['bin/syswire.js', 'renumber', '--no-such-option'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(cachesOf('renumber')).toEqual([]);
  });

  it('prints the same numbers table', () => {
    needBundle();
    for (const f of cachesOf('numbers')) rmSync(join(cacheDir, f));
    const run = () => spawnSync(process.execPath, ['bin/syswire.js', 'numbers', '--tree', TREE_612], { cwd: REPO_ROOT, encoding: 'utf8' });
    const cold = run();
    expect(cold.status, cold.stderr).toBe(0);
    expect(cachesOf('numbers')).toHaveLength(1);
    const warm = run();
    expect(warm.status, warm.stderr).toBe(0);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.stdout).toMatch(/^sframe|^syscall\s+generic/m);
  });
});
