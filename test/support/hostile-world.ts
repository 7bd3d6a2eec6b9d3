/**
 * The harness of the hostile-input suite (test/robustness/hostile-*.test.ts).
 * A case is `[title, { given, want }]`: the command line and what the case
 * plants, then the exit code, the stderr line and what the tree and --out
 * must look like afterwards.  Each case runs in a world of its own:
 *
 *   BASE/w/t/tree   scratch copy of 6.12 (tables, headers, their Makefiles)
 *   BASE/out        --out, empty unless the case plants something
 *   BASE/work       the working directory: sframe.yaml, patches, mails
 *   BASE/canary     planted files that nothing may touch
 *   BASE/w/victim   what `../../victim` names from the tree
 *   BASE/tmp        TMPDIR of the run; syswire's own temp dirs must be gone
 *
 * Every file under BASE is hashed before and after the run (mode, kind,
 * symlink target, SHA-256).  The tree and --out must come back
 * byte-identical, or equal to a control run's result; everything else
 * under BASE must not change at all, so a write outside them (a new file
 * included) fails the case.  Cases whose inputs could block a read (FIFOs,
 * devices, huge files) or that need real signals run the built bin in a
 * child process that is SIGKILLed after BIN_TIMEOUT_MS.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, type TestContext } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { missing } from './kernel-build.js';
import { loadTree, REPO_ROOT, scratchTree, TREE_612 } from './kernel-trees.js';

export const BIN = join(REPO_ROOT, 'bin/syswire.js');
/** A bin run taking longer than this hangs: it is killed and the case fails. */
export const BIN_TIMEOUT_MS = 8_000;
/** Per-test timeout of the suite: every case finishes well within it. */
export const CASE_TIMEOUT_MS = 20_000;
export const SFRAME = join(REPO_ROOT, 'defs/sframe.yaml');

export interface World {
  base: string;
  tree: string;
  out: string;
  work: string;
  canary: string;
  tmp: string;
}

export interface RunResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface Given {
  /** What the case plants in its world before the run. */
  setup?: (w: World) => void | Promise<void>;
  /** The command line after `syswire`. */
  argv?: (w: World) => string[];
  cwd?: (w: World) => string;
  env?: (w: World) => Record<string, string>;
  /** Run `node bin/syswire.js` (inputs that could block, signals) instead of runCli in-process. */
  bin?: boolean;
  /** Why this machine cannot run the case, if it cannot (mount, chattr): skipped, or failed in CI. */
  needs?: () => string | undefined;
  /** A custom run (kills, concurrent runs) returning the result that `want` judges. */
  run?: (w: World) => Promise<RunResult>;
  /** Undo what the case did to the machine (mounts, attributes), before the checks. */
  teardown?: (w: World) => void;
}

/** Unchanged, the control run's result, or a check given the world, the result and the snapshot before the run. */
type Expectation = 'same' | 'applied' | ((w: World, r: RunResult, before: Map<string, string>) => void | Promise<void>);

export interface Want {
  code: number;
  /** A line of stderr (exact), or a regex stderr must match; a function gets the world's paths. */
  stderr: string | RegExp | ((w: World) => string | RegExp);
  stdout?: RegExp;
  /** The tree afterwards: unchanged (default), the control run's result, or checked by a function. */
  tree?: Expectation;
  /** --out afterwards, likewise (default: unchanged). */
  out?: Expectation;
  /** Files under BASE, outside the tree and --out, the command is meant to write (the merge driver's %A). */
  writes?: readonly string[];
  /** A last check of anything else (what the merge driver wrote, what a re-run printed). */
  after?: (w: World, r: RunResult) => void | Promise<void>;
}

export type HostileCase = readonly [title: string, spec: { given: Given; want: Want }];

/** File -> `kind mode hash` for everything under `root`, symlinks and special files not followed. */
export function snapshot(root: string, skip: readonly string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      if (skip.includes(path)) continue;
      const full = join(root, path);
      const st = lstatSync(full);
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isSymbolicLink()) out.set(path, `link ${readlinkSync(full)}`);
      else if (st.isDirectory()) {
        out.set(path, `dir ${mode}`);
        walk(path);
      } else if (!st.isFile()) out.set(path, `special ${mode} ${st.mode >> 12}`);
      // Huge (sparse) files: size, inode and mtime show a write without reading 540 MB.
      else if (st.size > 8 << 20) out.set(path, `big ${mode} ${st.size} ${st.ino} ${st.mtimeMs}`);
      else out.set(path, `file ${mode} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
    }
  };
  if (existsSync(root)) walk('');
  return out;
}

/** The tables' Makefiles and the headers the bindings read, so the scratch tree is a tree the loader checks fully. */
function templateExtras(): string[] {
  const tree = loadTree(TREE_612);
  const arches = readdirSync(join(TREE_612, 'arch'));
  const makefiles = [...new Set(tree.tables.map((t) => `${dirname(t.path)}/Makefile`)), 'scripts/Makefile.asm-headers', 'Kbuild'];
  return [...arches.map((a) => `arch/${a}/include/uapi/asm/unistd.h`), ...makefiles].filter((p) => existsSync(join(TREE_612, p)));
}

let template: { root: string; cleanup: () => void } | undefined;
/** One scratch 6.12 tree per test file; each world copies it. */
export function templateTree(): string {
  template ??= scratchTree(TREE_612, templateExtras());
  return template.root;
}

const worlds: string[] = [];
/** A fresh world (see the header). */
export function makeWorld(): World {
  const base = mkdtempSync(join(tmpdir(), 'syswire-hostile-'));
  worlds.push(base);
  const w: World = { base, tree: join(base, 'w/t/tree'), out: join(base, 'out'), work: join(base, 'work'), canary: join(base, 'canary'), tmp: join(base, 'tmp') };
  cpSync(templateTree(), w.tree, { recursive: true });
  for (const dir of [w.out, w.work, w.canary, w.tmp]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(w.canary, 'secret'), 'canary: nothing may write here\n');
  writeFileSync(join(base, 'w/victim'), 'victim: ../../victim from the tree\n');
  cpSync(SFRAME, join(w.work, 'sframe.yaml'));
  return w;
}

/** Remove the worlds and the template (afterAll). */
export function removeWorlds(): void {
  for (const base of worlds.splice(0)) rmSync(base, { recursive: true, force: true });
  template?.cleanup();
  template = undefined;
}

/** Run syswire in `w`: in-process, or the real bin with a timeout. */
export async function runSyswire(w: World, argv: readonly string[], opts: { bin?: boolean; cwd?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
  const cwd = opts.cwd ?? w.work;
  if (opts.bin) return runBin(argv, { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TMPDIR: w.tmp, ...opts.env } });
  let stdout = '';
  let stderr = '';
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = w.tmp;
  try {
    const code = await runCli([...argv], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env: opts.env ?? {} });
    return { code, signal: null, stdout, stderr, timedOut: false };
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

/** `node bin/syswire.js ARGV`, SIGKILLed after BIN_TIMEOUT_MS (then `timedOut`). */
export function runBin(argv: readonly string[], opts: { cwd: string; env: Record<string, string> }): Promise<RunResult> {
  const child = spawn(process.execPath, [BIN, ...argv], { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  return collect(child, BIN_TIMEOUT_MS);
}

/** Wait for a child's exit, collecting its output; SIGKILL it after `timeoutMs`. */
export function collect(child: ReturnType<typeof spawn>, timeoutMs = BIN_TIMEOUT_MS): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  child.stdout?.on('data', (d: Buffer) => void (stdout += d));
  child.stderr?.on('data', (d: Buffer) => void (stderr += d));
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    }),
  );
}

/** The control run: sframe.yaml applied to an intact world; `applied` expectations compare with it. */
export interface Control {
  tree: Map<string, string>;
  out: Map<string, string>;
  /** The control world, to read the control run's files from. */
  world: World;
}
let control: Promise<Control> | undefined;
export function controlRun(): Promise<Control> {
  control ??= (async () => {
    const w = makeWorld();
    const r = await runSyswire(w, applyArgv(w));
    if (r.code !== 0) throw new Error(`the control run failed: ${r.stderr}`);
    return { tree: snapshot(w.tree), out: snapshot(w.out), world: w };
  })();
  return control;
}

let mail: Promise<Buffer> | undefined;
/** The sframe series' wire-up mail, split single (patch 1; the selftest patch and cover letter follow), as `syswire series` writes it for the template tree. */
export function sframeMail(): Promise<Buffer> {
  mail ??= (async () => {
    const w = makeWorld();
    // One wire-up mail holds every file the cases edit: the definition's per-document split would spread them over three.
    const single = readFileSync(join(w.work, 'sframe.yaml'), 'utf8').replace(/^  split: per-document$/m, '  split: single');
    if (!single.includes('  split: single')) throw new Error('sframe.yaml: no split line to make single');
    writeFileSync(join(w.work, 'sframe.yaml'), single);
    const r = await runSyswire(w, ['series', 'sframe.yaml', '--tree', w.tree, '--out', w.out]);
    const names = readdirSync(w.out).filter((n) => /^v\d+-0001-.*\.patch$/.test(n));
    if (r.code !== 0 || names.length !== 1) throw new Error(`series for the mail fixture: ${r.stderr}`);
    return readFileSync(join(w.out, names[0]!));
  })();
  return mail;
}

/** `generate sframe.yaml --tree TREE --out OUT --apply`. */
export const applyArgv = (w: World, defs = 'sframe.yaml') => ['generate', defs, '--tree', w.tree, '--out', w.out, '--apply'];

const TREE_IN_BASE = 'w/t/tree';

/** Run one case and check everything `want` says, plus: no internal error, no stack, nothing written outside. */
export async function checkCase(title: string, { given, want }: { given: Given; want: Want }, ctx: TestContext): Promise<void> {
  const reason = given.needs?.();
  if (reason) missing(ctx, reason);
  const w = makeWorld();
  let r: RunResult;
  let tree: Map<string, string>, out: Map<string, string>, rest: Map<string, string>;
  try {
    await given.setup?.(w);
    [tree, out, rest] = [snapshot(w.tree), snapshot(w.out), snapshot(w.base, [TREE_IN_BASE, 'out'])];
    r = given.run ? await given.run(w) : await runSyswire(w, given.argv!(w), { ...(given.bin ? { bin: true } : {}), ...(given.cwd ? { cwd: given.cwd(w) } : {}), ...(given.env ? { env: given.env(w) } : {}) });
  } finally {
    given.teardown?.(w);
  }
  if (process.env.SHOW_STDERR) console.log(`[${title}] ${r.stderr}`);
  const said = `${title}\n--- exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\n--- stderr\n${r.stderr}--- stdout\n${r.stdout.slice(0, 2000)}`;
  expect(r.timedOut, `hung: killed after ${BIN_TIMEOUT_MS} ms\n${said}`).toBe(false);
  expect(r.code, said).toBe(want.code);
  const line = typeof want.stderr === 'function' ? want.stderr(w) : want.stderr;
  if (typeof line === 'string') expect(r.stderr.split('\n'), said).toContain(line);
  else expect(r.stderr, said).toMatch(line);
  if (want.stdout) expect(r.stdout, said).toMatch(want.stdout);
  for (const text of [r.stderr, r.stdout]) {
    expect(text, said).not.toMatch(/internal error/);
    expect(text, said).not.toMatch(/^\s+at /m);
  }
  const c = want.tree === 'applied' || want.out === 'applied' ? await controlRun() : undefined;
  await judge('tree', want.tree, w.tree, tree, c?.tree, w, r, said);
  await judge('--out', want.out, w.out, out, c?.out, w, r, said);
  const outside = diffSnapshots(rest, snapshot(w.base, [TREE_IN_BASE, 'out'])).filter((l) => !want.writes?.includes(l.slice(2)));
  expect(outside, `written outside the tree and --out\n${said}`).toEqual([]);
  await want.after?.(w, r);
}

async function judge(what: string, want: Expectation | undefined, root: string, before: Map<string, string>, applied: Map<string, string> | undefined, w: World, r: RunResult, said: string): Promise<void> {
  if (typeof want === 'function') return want(w, r, before);
  const expected = want === 'applied' ? applied! : before;
  expect(diffSnapshots(expected, snapshot(root)), `${what} is not ${want === 'applied' ? "the control run's result" : 'byte-identical'}\n${said}`).toEqual([]);
}

/** `+ path`, `- path`, `~ path` lines between two snapshots. */
export function diffSnapshots(a: Map<string, string>, b: Map<string, string>): string[] {
  const lines: string[] = [];
  for (const [path, v] of a) if (!b.has(path)) lines.push(`- ${path}`);
  else if (b.get(path) !== v) lines.push(`~ ${path}`);
  for (const path of b.keys()) if (!a.has(path)) lines.push(`+ ${path}`);
  return lines.sort();
}

// Planting helpers.

export function plant(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

export function fifo(path: string): void {
  rmSync(path, { force: true, recursive: true });
  mkdirSync(dirname(path), { recursive: true });
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo ${path}: ${r.stderr}`);
}

/** `git`, quietly, failing loudly. */
export function sh(cmd: string, args: readonly string[], cwd?: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Regex-escape a literal. */
export const re = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
