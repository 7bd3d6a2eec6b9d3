#!/usr/bin/env node
// `npm run bench`: wall time of the real CLI (node bin/syswire.js ...) on
// the full 6.12 tree, as the median of RUNS runs and as a ratio to
// `node -e 0` measured in the same run, plus a scale test with synthetic
// definitions of 1, 10, 100 and 1000 syscalls.  Prints markdown tables.
//
// Commands the CLI does not have (yet) are reported as "n/a (not
// implemented)"; the list comes from `syswire --help` at run time.
//
//   node scripts/bench.mjs [--runs N] [--json FILE]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/syswire.js');
const TREE = join(ROOT, '.cache/kernel/linux-6.12');
const OLD_TREE = join(ROOT, '.cache/kernel/linux-6.1');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, json: { type: 'string' } } });
const RUNS = Math.max(5, Number(values.runs));
const SCALE = [1, 10, 100, 1000];
const SCALE_RUNS = 3;

if (!existsSync(TREE)) {
  console.error(`bench: ${TREE} is missing; run 'npm run setup'`);
  process.exit(1);
}
const tmp = mkdtempSync(join(tmpdir(), 'syswire-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

/** Wall time of one run in ms; throws when the command fails. */
function timeOnce(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return ms;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median of `runs` runs after one warm-up run (page cache, compile cache). */
function measure(args, runs = RUNS) {
  timeOnce(args);
  return median(Array.from({ length: runs }, () => timeOnce(args)));
}

const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).stdout;
const has = (cmd) => new RegExp(`^\\s+${cmd}\\b`, 'm').test(help);

const commands = [
  { name: 'numbers', cmd: 'numbers', args: ['numbers', '--tree', TREE], target: 3 },
  { name: 'lint --tree', cmd: 'lint', args: ['lint', '--tree', TREE], target: 3 },
  // Move the series posted on 6.1 to 6.12's numbers, the old numbers read from its patches.
  { name: 'renumber --patches (6.1 series)', cmd: 'renumber', args: ['renumber', 'defs/sframe.yaml', '--tree', TREE, '--patches', join(tmp, 'posted-6.1'), '--out', join(tmp, 'renumber-patches')], target: 3, setup: () => timeOnce([BIN, 'series', 'defs/sframe.yaml', '--tree', OLD_TREE, '--out', join(tmp, 'posted-6.1')]) },
  // The same move, the old numbers worked out on the full 6.1 tree: twice the input.
  { name: 'renumber --from 6.1 (reads 6.1 too)', cmd: 'renumber', args: ['renumber', 'defs/sframe.yaml', '--tree', TREE, '--from', OLD_TREE, '--out', join(tmp, 'renumber')], target: 3 },
  { name: 'generate (with bindings)', cmd: 'generate', args: ['generate', 'defs/sframe.yaml', '--tree', TREE, '--out', join(tmp, 'generate')], target: 10 },
];

const baseline = measure(['-e', '0']);
const rows = [];
for (const c of commands) {
  if (!has(c.cmd)) {
    rows.push({ ...c, ms: undefined });
    continue;
  }
  c.setup?.();
  rows.push({ ...c, ms: measure([BIN, ...c.args]) });
}

console.log(`## Commands on the full 6.12 tree (median of ${RUNS} runs, after one warm-up)\n`);
console.log(`node ${process.version}, baseline \`node -e 0\`: ${baseline.toFixed(1)} ms\n`);
console.log('| command | median | × node -e 0 | target | |');
console.log('|---|---:|---:|---:|---|');
for (const r of rows) {
  if (r.ms === undefined) {
    console.log(`| ${r.name} | n/a (not implemented) | | ≤ ${r.target}× | |`);
    continue;
  }
  const ratio = r.ms / baseline;
  console.log(`| ${r.name} | ${r.ms.toFixed(1)} ms | ${ratio.toFixed(2)} | ≤ ${r.target}× | ${ratio <= r.target ? 'met' : 'MISSED'} |`);
}

// Scale: synthetic definitions, generate into a temp dir.
function syntheticDefs(n) {
  const calls = Array.from({ length: n }, (_, i) => `  - name: bench_call_${i}\n    args: ["int fd", "unsigned int flags"]\n`).join('');
  const file = join(tmp, `bench-${n}.yaml`);
  writeFileSync(file, `series:\n  name: bench${n}\n  version: 1\n  subject: "bench: ${n} synthetic syscalls"\n  author: "Bench <bench@example.org>"\n  date: "Thu, 4 Jun 2026 10:00:00 -0400"\nsyscalls:\n${calls}`);
  return file;
}

const scale = [];
if (has('generate')) {
  for (const n of SCALE) {
    const ms = measure([BIN, 'generate', syntheticDefs(n), '--tree', TREE, '--out', join(tmp, `scale-${n}`)], SCALE_RUNS);
    scale.push({ n, ms });
  }
  console.log(`\n## Scale: generate with N synthetic syscalls (median of ${SCALE_RUNS} runs)\n`);
  console.log('| syscalls | median | per syscall | marginal per added syscall |');
  console.log('|---:|---:|---:|---:|');
  scale.forEach((s, i) => {
    const prev = scale[i - 1];
    const marginal = prev ? `${((s.ms - prev.ms) / (s.n - prev.n)).toFixed(2)} ms` : '';
    console.log(`| ${s.n} | ${s.ms.toFixed(1)} ms | ${(s.ms / s.n).toFixed(2)} ms | ${marginal} |`);
  });
  // Flat means the cost of an added syscall does not grow with N: compare
  // the marginal cost of the last step (100 -> 1000) with the one before.
  const m = (i) => (scale[i].ms - scale[i - 1].ms) / (scale[i].n - scale[i - 1].n);
  const growth = m(3) / Math.max(m(2), 0.01);
  console.log(`\nmarginal cost 100→1000 vs 10→100: ${growth.toFixed(2)}× (${growth < 3 ? 'flat, no quadratic step' : 'GROWS: check for a quadratic step'})`);
}

if (values.json) writeFileSync(values.json, JSON.stringify({ node: process.version, baseline, runs: RUNS, rows, scale }, null, 2) + '\n');
