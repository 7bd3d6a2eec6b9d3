// `exclude:` on real 6.12 and 7.3 trees: an excluded arch table keeps the
// number with a sys_ni_syscall row written as the table writes its own
// reserved rows (compared with upstream's rows, not with strings typed
// here); a call left out of scripts/syscall.tbl gets an __IGNORE_<name>
// paragraph in scripts/checksyscalls.sh instead; lint accepts the result.
import { describe, expect, it } from 'vitest';
import { alwaysIgnored, parseChecksyscalls } from '../../src/kernel/checksyscalls-reader.js';
import { buildKernelTree, GENERIC_TABLE, type TableModel } from '../../src/kernel/kernel-tree.js';
import { parseTableRow, printTableRow, type TableRow } from '../../src/kernel/syscall-table-reader.js';
import type { Finding } from '../../src/lint/lint-finding.js';
import { diskContext, lintTree } from '../../src/lint/lint-tree.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { isExecutable } from '../../src/kernel/tree-loader.js';
import { diffEdits } from '../../src/patch/tree-diff.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured } from '../support/cli-run.js';
import { loadDefsFile } from '../support/definitions.js';
import { loadTree, readTreeFile, TREE_612, TREE_73 } from '../support/kernel-trees.js';

const CHECK = 'scripts/checksyscalls.sh';
const defs = loadDefsFile('test/fixtures/exclusions.yaml');

/** Lines `after` has and `before` has not, for a file that only gained lines. */
function addedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  const now = after.split('\n');
  let head = 0;
  while (head < old.length && old[head] === now[head]) head++;
  let tail = 0;
  while (tail < old.length - head && old[old.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
  expect(now.slice(0, head).concat(now.slice(now.length - tail)), 'only lines are added').toEqual(old);
  return now.slice(head, now.length - tail);
}

/** The upstream row `row` would be for another number and name: its own bytes, only those two fields swapped. */
function swapped(row: TableRow, nr: string, name: string, entry?: string): string {
  const fields = [...row.fields];
  fields[0] = nr;
  fields[2] = name;
  if (entry !== undefined) for (let i = 3; i < fields.length; i++) fields[i] = entry;
  return printTableRow({ fields, separators: row.separators });
}

/**
 * Upstream's bytes for a reserved row of `name` in table `t`.  The layout
 * comes from the table's own rows whose names end in the same 8-column cell
 * (so they take as many TABs) from 424 on: the most common separators among
 * the newest 40 of them (sparc 6.12 has a stray openat2 row).  The model is
 * the table's newest sys_ni_syscall row so laid out (bdflush, timerfd,
 * vserver, map_shadow_stack ...), else its newest real row so laid out, with
 * sys_ni_syscall as its entry.
 */
function upstreamReservedRow(t: TableModel, nr: string, name: string, abi: string): { expected: string; from: string } {
  const cell = (n: string) => Math.floor((16 + n.length) / 8);
  const sameCell = t.table.rows.filter((r) => cell(r.name) === cell(name) && r.abi === abi && r.fields.length >= 4);
  const layout = (r: TableRow) => r.separators.slice(0, 3).join('|');
  // Rows from 424 (pidfd_send_signal) on: older blocks have other columns (arm's below 403).
  const modern = t.table.rows.find((r) => r.name === 'pidfd_send_signal')!.line;
  const real = sameCell.filter((r) => r.entry !== 'sys_ni_syscall' && r.line >= modern);
  const counts = new Map<string, number>();
  for (const r of real.slice(-40)) counts.set(layout(r), (counts.get(layout(r)) ?? 0) + 1);
  const usual = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const reserved = sameCell.filter((r) => r.entry === 'sys_ni_syscall' && (r.compat ?? 'sys_ni_syscall') === 'sys_ni_syscall' && layout(r) === usual).pop();
  if (reserved) return { expected: swapped(reserved, nr, name), from: `reserved row ${reserved.line}: ${reserved.raw}` };
  const model = real.filter((r) => layout(r) === usual && r.fields.length === 4).pop();
  expect(model, `${t.path}: a real row laid out like ${name}'s`).toBeDefined();
  return { expected: swapped(model!, nr, name, 'sys_ni_syscall'), from: `row ${model!.line}: ${model!.raw}` };
}

describe.each([
  ['6.12', TREE_612],
  ['7.3', TREE_73],
])('exclusions on %s', (_version, root) => {
  const tree = loadTree(root);
  const plan = planWireUp(tree, defs, (p) => readTreeFile(root, p));
  const edit = (path: string) => plan.edits.find((e) => e.path === path);
  const nrOf = (name: string) => plan.calls.find((c) => c.def.name === name)!.nr;
  const archTables = tree.tables.filter((t) => t.path !== GENERIC_TABLE);

  it('gives every excluded arch table a reserved row, in upstream bytes', () => {
    const sources: string[] = [];
    for (const t of archTables) {
      const added = addedLines(edit(t.path)!.before!, edit(t.path)!.after);
      const excluded = ['frob_fd', ...(['powerpc', 'alpha'].includes(t.arch) ? ['frob_shadow_zone'] : [])];
      const rows = added.map((line) => parseTableRow(line, 0, t.path));
      for (const name of excluded) {
        const row = rows.find((r) => r.name === name)!;
        expect(row.entry, `${t.path}: ${row.raw}`).toBe('sys_ni_syscall');
        const { expected, from } = upstreamReservedRow(t, String(nrOf(name) + t.format.offset), name, row.abi);
        expect(row.raw, `${t.path}, after upstream's ${from}`).toBe(expected);
        sources.push(`${t.arch}:${from.split(':')[0]}`);
      }
      // The call the table implements still gets its real row.
      expect(rows.find((r) => r.name === 'frob_all')!.entry).toBe('sys_frob_all');
    }
    // powerpc's own map_shadow_stack row is the model for the 16-character name.
    const powerpc = archTables.find((t) => t.arch === 'powerpc')!;
    expect(upstreamReservedRow(powerpc, '1', 'frob_shadow_zone', 'common').from).toMatch(/map_shadow_stack\t\tsys_ni_syscall$/);
    expect(sources.filter((s) => s.includes('reserved row')).length).toBeGreaterThan(5);
  });

  it('puts the reserved rows where the real ones would go (x86_64: before the x32 block)', () => {
    const x64 = edit('arch/x86/entry/syscalls/syscall_64.tbl')!.after.split('\n');
    const at = x64.findIndex((l) => /^\d+\tcommon\tfrob_fd\t+sys_ni_syscall$/.test(l));
    expect(x64.slice(at + 1, at + 3).map((l) => l.split('\t')[2])).toEqual(['frob_all', 'frob_shadow_zone']);
    expect(x64[at + 3]).toBe('');
    expect(x64[at + 4]).toMatch(/^#/);
  });

  it('leaves a call out of scripts/syscall.tbl and tells checksyscalls.sh to ignore it', () => {
    const generic = addedLines(edit(GENERIC_TABLE)!.before!, edit(GENERIC_TABLE)!.after);
    expect(generic.map((l) => parseTableRow(l, 0, GENERIC_TABLE).name)).toEqual(['frob_fd', 'frob_shadow_zone']);
    const { before, after } = edit(CHECK)!;
    const added = addedLines(before!, after);
    // Upstream's newest paragraph (6.12's fstat one) has the same shape: blank, comment, define, then EOF.
    const upstream = before!.split('\n');
    const eof = upstream.lastIndexOf('EOF');
    expect(upstream.slice(eof - 3, eof)).toEqual(['', expect.stringMatching(/^\/\* .* \*\/$/), '#define __IGNORE_fstat']);
    expect(added).toEqual(['', '/* Not wired up on the architectures that use scripts/syscall.tbl */', '#define __IGNORE_frob_all']);
    const now = after.split('\n');
    expect(now[now.lastIndexOf('EOF') - 1]).toBe('#define __IGNORE_frob_all');
    expect(alwaysIgnored(parseChecksyscalls(CHECK, after)).has('frob_all')).toBe(true);
    expect(alwaysIgnored(parseChecksyscalls(CHECK, after)).has('frob_fd')).toBe(false);
  });

  it("keeps checksyscalls.sh's executable mode: the patch's index line says 100755, and git apply takes it without a warning", () => {
    const modal = planWireUp(tree, defs, (p) => readTreeFile(root, p), (p) => isExecutable(root, p));
    expect(modal.edits.filter((e) => e.mode === '100755').map((e) => e.path)).toEqual([CHECK]);
    const patch = diffEdits(modal.edits);
    expect(patch).toMatch(/^diff --git a\/scripts\/checksyscalls\.sh b\/scripts\/checksyscalls\.sh\nindex [0-9a-f]+\.\.[0-9a-f]+ 100755\n/m);
    const check = execFileSync('sh', ['-c', 'git apply --check - 2>&1'], { cwd: root, input: patch, encoding: 'utf8' });
    expect(check).toBe('');
  });

  it("keeps it in the series too (the synthetic base of a plain tree)", async () => {
    const out = mkdtempSync(join(tmpdir(), 'syswire-exclusions-'));
    try {
      const res = await runCaptured('series', 'test/fixtures/exclusions.yaml', '--tree', root, '--out', out);
      expect(res.code, res.err).toBe(0);
      const mails = readdirSync(out).filter((n) => n.endsWith('.patch')).map((n) => readFileSync(join(out, n), 'utf8'));
      expect(mails.join('')).toMatch(/^diff --git a\/scripts\/checksyscalls\.sh b\/scripts\/checksyscalls\.sh\nindex [0-9a-f]+\.\.[0-9a-f]+ 100755\n/m);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('adds nothing on a second run over the patched tree', () => {
    const patched = new Map(tree.sources);
    for (const e of plan.edits) if (patched.has(e.path)) patched.set(e.path, e.after);
    const again = buildKernelTree(patched, tree.tables.map((t) => t.path));
    const files = new Map(plan.edits.map((e) => [e.path, e.after]));
    const replan = planWireUp(again, defs, (p) => files.get(p) ?? readTreeFile(root, p));
    expect(replan.edits.map((e) => e.path)).toEqual([]);
  });

  it('passes lint: reserved rows and ignored generic calls are not missing rows', () => {
    const patched = new Map(tree.sources);
    for (const e of plan.edits) if (patched.has(e.path)) patched.set(e.path, e.after);
    const files = new Map(plan.edits.map((e) => [e.path, e.after]));
    const base = diskContext(tree, root);
    // Positions move with the added lines: findings are compared as lint-patch compares them.
    const key = (f: Finding) => `${f.file}: ${f.severity}: ${f.message} [${f.rule}]`;
    const before = new Set(lintTree(base).map(key));
    const ctx = { ...base, tree: buildKernelTree(patched, tree.tables.map((t) => t.path)), readFile: (p: string) => files.get(p) ?? base.readFile(p) };
    expect(lintTree(ctx).map(key).filter((f) => !before.has(f))).toEqual([]);
    // Without the checksyscalls.sh paragraph the generic table's gap is a finding.
    const unignored = { ...ctx, readFile: (p: string) => (p === CHECK ? base.readFile(p) : ctx.readFile(p)) };
    expect(lintTree(unignored).map(key).filter((f) => !before.has(f))).toEqual([expect.stringMatching(/^scripts\/syscall\.tbl: error: generic syscall frob_all .*\[missing-row\]$/)]);
  });
});

describe('exclusions keep what upstream already reserved', () => {
  it('writes no row where a `# NNN reserved for <name>` comment keeps the number', () => {
    const tree = loadTree(TREE_73);
    const sparc = 'arch/sparc/kernel/syscalls/syscall.tbl';
    const nr = 473;
    const sources = new Map(tree.sources);
    sources.set(sparc, `${sources.get(sparc)!}# ${nr} reserved for frob_fd\n`);
    const commented = buildKernelTree(sources, tree.tables.map((t) => t.path));
    const plan = planWireUp(commented, defs, (p) => readTreeFile(TREE_73, p));
    const added = addedLines(sources.get(sparc)!, plan.edits.find((e) => e.path === sparc)!.after);
    expect(added.map((l) => parseTableRow(l, 0, sparc).name)).toEqual(['frob_all', 'frob_shadow_zone']);
  });
});
