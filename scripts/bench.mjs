#!/usr/bin/env node
// `npm run bench`: what a user waits for.  Each command of the real CLI
// (node bin/syswire.js ...) runs on the full 6.12 tree twice over: the
// plain unpacked tree (.cache/kernel/linux-6.12) and the same tree as a git
// repository (.cache/kernel/linux-6.12-git; scripts/setup.sh makes both).
// For each it reports the median wall time of RUNS runs after one warm-up,
// and the peak RSS over those runs: GNU time's %M, the largest single
// process of a run, git children included.  Prints a markdown table with
// the targets of issue 10 (user-perceived, on a 2-core machine).
//
// Every command writes to a scratch --out directory; none writes the trees
// (the git tree's files are hard links to the plain tree's).
//
//   node scripts/bench.mjs [--runs N] [--json FILE]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/syswire.js');
const KERNELS = join(ROOT, '.cache/kernel');
const TREES = [
  ['plain', join(KERNELS, 'linux-6.12')],
  ['git', join(KERNELS, 'linux-6.12-git')],
];
const TIME = '/usr/bin/time';
/** The table the merge driver merges: upstream added xattrat, the branch sframe. */
const TABLE = 'arch/x86/entry/syscalls/syscall_64.tbl';
// The plain tree sits inside this checkout: git must not find syswire's own
// repository from it, as it would not for a tarball unpacked elsewhere.
const ENV = { ...process.env, GIT_CEILING_DIRECTORIES: KERNELS };
// This sandbox sets NODE_EXTRA_CA_CERTS, which makes every node process read
// the system CA bundle before it runs a line (syswire opens no TLS
// connection).  A maintainer's shell does not have it, so it is left out of
// the timed runs; the table says so.
const CA_CERTS = ENV.NODE_EXTRA_CA_CERTS;
delete ENV.NODE_EXTRA_CA_CERTS;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, json: { type: 'string' } } });
const RUNS = Math.max(3, Number(values.runs));

for (const path of TREES.map(([, t]) => t)) {
  if (!existsSync(join(path, '.syswire-complete'))) fail(`${path} is missing; run 'bash scripts/setup.sh'`);
}
if (!existsSync(TIME)) fail(`${TIME} is missing (Debian package 'time'; scripts/setup.sh installs it)`);
const tmp = mkdtempSync(join(tmpdir(), 'syswire-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

/** One run under GNU time: wall ms (measured here), peak RSS in KiB, exit status, stderr. */
function runOnce(args, cwd) {
  const rss = join(tmp, 'rss');
  const start = process.hrtime.bigint();
  const r = spawnSync(TIME, ['-f', '%M', '-o', rss, process.execPath, BIN, ...args], { cwd, env: ENV, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const kib = Number(spawnSync('tail', ['-n1', rss], { encoding: 'utf8' }).stdout.trim());
  return { ms, kib, status: r.status, stderr: r.stderr };
}

/** Setup steps outside the measured runs; a failure stops the bench. */
function prepare(args) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: ENV, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) fail(`syswire ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** TABLE of the plain 6.12 tree with `defs` wired in (generate's patch, applied to a copy of the file). */
function tableWith(defs, name) {
  const out = join(tmp, `side-${name}`);
  prepare(['generate', defs, '--tree', TREES[0][1], '--out', out]);
  const patch = readdirSync(out).find((f) => f.endsWith('.patch'));
  const dir = join(tmp, `side-${name}-tree`);
  mkdirSync(join(dir, dirname(TABLE)), { recursive: true });
  copyFileSync(join(TREES[0][1], TABLE), join(dir, TABLE));
  const r = spawnSync('git', ['apply', `--include=${TABLE}`, join(out, patch)], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) fail(`git apply of ${name}'s ${TABLE} failed:\n${r.stderr}`);
  return join(dir, TABLE);
}

// The inputs: a series as posted on 6.12, to move onto each tree; the merge driver's
// three versions of TABLE as `git merge upstream` on a topic branch passes
// them (%A ours = the branch's sframe, %B theirs = upstream's xattrat).
const posted = join(tmp, 'posted-6.12');
prepare(['series', 'defs/sframe.yaml', '--tree', TREES[0][1], '--out', posted]);
const branch = tableWith('defs/sframe.yaml', 'sframe');
const upstream = tableWith('test/fixtures/xattrat.yaml', 'xattrat');
const ours = join(tmp, 'merge-ours.tbl');
const base = join(tmp, 'merge-base.tbl');
copyFileSync(join(TREES[0][1], TABLE), base);

const SECOND = 1000;
/** What each command runs: its arguments for a tree and an --out directory. */
const COMMANDS = [
  { name: 'numbers', target: SECOND, args: (t) => ['numbers', '--tree', t] },
  { name: 'lint --tree', target: SECOND, args: (t) => ['lint', '--tree', t] },
  { name: 'generate (with bindings)', target: 2 * SECOND, args: (t, out) => ['generate', 'defs/sframe.yaml', '--tree', t, '--out', out] },
  { name: 'series', target: SECOND, args: (t, out) => ['series', 'defs/sframe.yaml', '--tree', t, '--out', out] },
  // A series syswire did not write (no DEFS): every hunk is read back, its
  // rows and defines rebuilt on the tree, the series written again.
  { name: 'renumber --patches', target: SECOND, args: (t, out) => ['renumber', '--patches', posted, '--tree', t, '--out', out] },
  // As git runs it: in the tree's top directory, %A (which receives the result) fresh each time.
  { name: 'merge-driver (one call)', target: 150, args: () => ['merge-driver', base, ours, upstream, TABLE], inTree: true, before: () => copyFileSync(branch, ours) },
];

const load = loadavg()[0];
const rows = [];
for (const c of COMMANDS) {
  for (const [label, tree] of TREES) {
    const args = c.args(tree, join(tmp, `out-${label}`));
    const once = () => {
      c.before?.();
      return runOnce(args, c.inTree ? tree : ROOT);
    };
    once();
    const runs = Array.from({ length: RUNS }, once);
    const failed = runs.find((r) => r.status !== 0);
    rows.push({
      name: c.name,
      tree: label,
      target: c.target,
      ms: failed ? undefined : median(runs.map((r) => r.ms)),
      mib: Math.max(...runs.map((r) => r.kib)) / 1024,
      error: failed && `exit ${failed.status}: ${failed.stderr.trim().split('\n')[0]}`,
    });
  }
}

const fmtTarget = (ms) => (ms >= SECOND ? `< ${ms / SECOND} s` : `< ${ms} ms`);
console.log(`## syswire on the full 6.12 tree, plain and as a git repository\n`);
console.log(`node ${process.version}, ${cpus().length} cores, load average ${load.toFixed(1)} at the start; median of ${RUNS} runs after one warm-up; peak RSS is the largest process of any run${CA_CERTS ? '; NODE_EXTRA_CA_CERTS unset for the runs (this machine sets it; it adds a CA bundle load to every node start)' : ''}.\n`);
console.log('| command | tree | median | peak RSS | target | |');
console.log('|---|---|---:|---:|---:|---|');
for (const r of rows) {
  const time = r.ms === undefined ? `failed (${r.error})` : `${r.ms.toFixed(0)} ms`;
  const mark = r.ms === undefined ? 'FAILED' : r.ms < r.target ? 'ok' : 'over';
  console.log(`| ${r.name} | ${r.tree} | ${time} | ${r.mib.toFixed(0)} MiB | ${fmtTarget(r.target)} | ${mark} |`);
}

if (values.json) writeFileSync(values.json, JSON.stringify({ node: process.version, load, runs: RUNS, rows }, null, 2) + '\n');
process.exitCode = rows.some((r) => r.ms === undefined) ? 1 : 0;
