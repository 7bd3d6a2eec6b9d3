/**
 * The package as a user gets it: `npm pack` of this repository, installed
 * with `npm install` into an empty directory and globally into a scratch
 * prefix.  The installed `syswire` runs `--version`, `numbers` and
 * `generate`, whose patch must equal the committed golden, and the tarball
 * holds what runs, nothing of the tests or the sources.  `prepack`
 * (rm -rf dist && npm run build) is what a real `npm pack` runs first.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, requireTree, TREE_612 } from '../support/kernel-trees.js';

const dir = mkdtempSync(join(tmpdir(), 'syswire-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NPM = { cwd: dir, encoding: 'utf8' as const, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } };
const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
let tarball = '';

describe('the npm package', () => {
  beforeAll(() => {
    const packed = JSON.parse(// --ignore-scripts: prepack would rebuild dist/ under the other test files'
    // running bins; `npm test` has just built it.
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { ...NPM, cwd: REPO_ROOT })) as { filename: string; files: { path: string }[] }[];
    tarball = join(dir, packed[0]!.filename);
    writeFileSync(join(dir, 'files.txt'), packed[0]!.files.map((f) => f.path).join('\n'));
  }, 300_000);

  it('holds what runs and nothing else', () => {
    const files = readFileSync(join(dir, 'files.txt'), 'utf8').split('\n');
    expect(files).toContain('bin/syswire.js');
    expect(files).toContain('dist/cli/run-cli.js');
    expect(files.some((f) => f.startsWith('templates/'))).toBe(true);
    expect(files.filter((f) => /^(src|test|scripts|\.ci|\.cache|out)\//.test(f) || f.endsWith('.test.js'))).toEqual([]);
  });

  it('installs into an empty directory and runs --version, numbers and generate', () => {
    const app = join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', tarball], { ...NPM, cwd: app });
    const bin = join(app, 'node_modules/.bin/syswire');
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' })).toBe(`syswire ${version}\n`);
    expect(execFileSync(bin, ['numbers', '--tree', requireTree(TREE_612)], { encoding: 'utf8' })).toMatch(/^mseal\s+462\s+572\s/m);
    copyFileSync(join(REPO_ROOT, 'defs/sframe.yaml'), join(app, 'sframe.yaml'));
    const gen = spawnSync(bin, ['generate', 'sframe.yaml', '--tree', TREE_612, '--out', 'out'], { cwd: app, encoding: 'utf8' });
    expect(gen.status, gen.stderr).toBe(0);
    expect(readFileSync(join(app, 'out/sframe.patch'), 'utf8')).toBe(readFileSync(join(REPO_ROOT, 'test/golden/sframe-6.12.patch'), 'utf8'));
    // npx from inside a kernel tree acts on that tree.
    const npx = spawnSync('npx', ['--prefix', app, '--no-install', 'syswire', 'numbers'], { cwd: join(TREE_612, 'kernel'), encoding: 'utf8' });
    expect(npx.status, npx.stderr).toBe(0);
    expect(npx.stdout).toMatch(/^mseal\s+462\s/m);
  }, 300_000);

  it('installs globally into a prefix', () => {
    const prefix = join(dir, 'global');
    execFileSync('npm', ['install', '-g', '--no-audit', '--no-fund', '--prefix', prefix, tarball], NPM);
    expect(execFileSync(join(prefix, 'bin/syswire'), ['--version'], { encoding: 'utf8' })).toBe(`syswire ${version}\n`);
  }, 300_000);
});
