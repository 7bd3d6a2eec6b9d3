/**
 * Kernel validation: the generated sframe patch, applied to full copies of
 * the real 6.12 tree and the 6.1 tree (pre-6.11 layout: no
 * scripts/syscall.tbl, arm64 unistd32.h, ia64), checked by the kernel's own
 * machinery:
 *
 * - `make ARCH=<arch> headers_install archheaders asm-generic` for every
 *   arch directory.  These targets run scripts/syscallhdr.sh and
 *   scripts/syscalltbl.sh (s390 up to 6.18: its private syscalltbl) over
 *   every table with exactly the ABI selections, offsets and prefixes the
 *   arch's Makefiles give (kernel-conventions §8.3); the invocations are
 *   read back from the V=1 log, and each output is checked against the
 *   number the syswire tree model predicts (generic number + table offset,
 *   plus the ABI base the Makefile passes).
 * - every installed asm/unistd*.h defines __NR_sframe_register when its ABI
 *   selection contains the new row;
 * - the new uapi header compiles on its own (gcc -fsyntax-only) against the
 *   installed headers, with the host and every cross compiler (one that is
 *   missing fails in CI and skips elsewhere);
 * - scripts/checkpatch.pl --strict on every generated patch;
 * - `make prepare` (checksyscalls) for arm64 with no "not implemented".
 *
 * A summary is printed and written to .cache/validate/report-<version>.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { parseSyscallTable } from '../../src/kernel/syscall-table-reader.js';
import type { PlannedCall } from '../../src/plan/numbering.js';
import { loadTree, readTreeFile, REPO_ROOT, TREE_61, TREE_612, TREE_73 } from '../support/kernel-trees.js';
import { generatorCalls, make, missing, needTool, patchedCopy, selects, shellWords, type GeneratorCall } from '../support/kernel-build.js';

const DEFS = join(REPO_ROOT, 'defs/sframe.yaml');
const WORK = join(REPO_ROOT, '.cache/validate');

/** Cross compilers for the -fsyntax-only check (host gcc covers x86). */
const COMPILERS: Record<string, string[][]> = {
  x86: [['gcc', '-m64'], ['gcc', '-m32'], ['gcc', '-mx32']],
  arm64: [['aarch64-linux-gnu-gcc']],
  s390: [['s390x-linux-gnu-gcc']],
  m68k: [['m68k-linux-gnu-gcc']],
  mips: [['mips-linux-gnu-gcc']],
  powerpc: [['powerpc-linux-gnu-gcc']],
  sparc: [['sparc64-linux-gnu-gcc']],
  alpha: [['alpha-linux-gnu-gcc']],
  arm: [['arm-linux-gnueabi-gcc']],
  riscv: [['riscv64-linux-gnu-gcc']],
  sh: [['sh4-linux-gnu-gcc']],
  parisc: [['hppa-linux-gnu-gcc']],
};

/**
 * checkpatch findings that cannot be avoided by the generator:
 * FILE_PATH_CHANGES - the series adds include/uapi/linux/<name>.h, and
 *   checkpatch asks whether MAINTAINERS needs an entry for it.  Which
 *   subsystem takes the file is the submitter's decision, not something a
 *   syscall wire-up can know, so syswire does not touch MAINTAINERS.
 */
const UNAVOIDABLE: Record<string, string> = {
  FILE_PATH_CHANGES: 'new uapi header; MAINTAINERS ownership is the submitter’s call',
};
/**
 * ENOSYS - only in the selftest patch: checkpatch says ENOSYS means "invalid
 * syscall number", which is exactly what the test looks for (a kernel
 * without the call skips; a number past the series must give it).
 */
const SELFTEST_ONLY: Record<string, string> = {
  ENOSYS: 'the selftest checks for the kernel’s own ENOSYS',
};
const explanation = (patch: string, type: string) => UNAVOIDABLE[type] ?? (/-selftests-/.test(patch) ? SELFTEST_ONLY[type] : undefined);

for (const { version, dir } of [
  { version: '6.12', dir: TREE_612 },
  { version: '6.1', dir: TREE_61 },
  { version: '7.3', dir: TREE_73 },
]) {
  describe(`linux-${version} patched with defs/sframe.yaml`, () => {
    const work = join(WORK, `linux-${version}`);
    const patched = `${work}/tree`;
    const out = `${work}/out`;
    const patch = `${out}/sframe.patch`;
    const report: string[] = [];
    const seen: GeneratorCall[] = [];
    let calls: PlannedCall[] = [];
    let newHeaders: string[] = [];
    let editedTables = new Set<string>();
    const arches = readdirSync(join(dir, 'arch')).filter((a) => a !== 'um' && statSync(join(dir, 'arch', a)).isDirectory());

    beforeAll(async () => {
      mkdirSync(out, { recursive: true });
      let err = '';
      const ctx = { stdout: () => {}, stderr: (t: string) => void (err += t), cwd: REPO_ROOT, env: {} };
      const code = await runCli(['generate', DEFS, '--tree', dir, '--out', out], ctx);
      if (code !== 0) throw new Error(`syswire generate failed: ${err}`);
      const tree = loadTree(dir);
      const plan = planWireUp(tree, loadDefinitions(DEFS, readFileSync(DEFS, 'utf8')), (p) => readTreeFile(dir, p));
      calls = plan.calls;
      editedTables = new Set(plan.edits.map((e) => e.path).filter((p) => p.endsWith('.tbl')));
      newHeaders = plan.edits.filter((e) => e.before === undefined && e.path.startsWith('include/uapi/')).map((e) => e.path.slice('include/uapi/'.length));
      patchedCopy(dir, patch, patched);
    });

    afterAll(() => {
      const text = `# linux-${version}\n\n${report.join('\n')}\n`;
      writeFileSync(join(WORK, `report-${version}.md`), text);
      console.log(text);
    });

    /** A generator's output has exactly the new rows its ABI selection picks, with the predicted numbers. */
    function checkOutput(call: GeneratorCall, text: string): void {
      const model = loadTree(dir).tables.find((t) => t.path === call.table);
      expect(model, `${call.table} is a table of the syswire model`).toBeDefined();
      const rows = parseSyscallTable(call.table, readFileSync(join(patched, call.table), 'utf8')).rows;
      const lines = text.split('\n');
      for (const c of calls) {
        const row = rows.find((x) => x.name === c.def.name);
        if (editedTables.has(call.table)) expect(row, `${call.table} has a ${c.def.name} row`).toBeDefined();
        const nr = c.nr + model!.format.offset;
        const on = row !== undefined && selects(call.abis, row.abi);
        const entry = row?.entry ?? 'sys_ni_syscall';
        if (call.tool === 'syscalltbl') {
          const hit = lines.some((l) => l.startsWith('__SYSCALL') && l.includes(`(${nr}, ${entry}`));
          expect(hit, `${call.output}: __SYSCALL*(${nr}, ${entry}...)`).toBe(on);
        } else if (call.tool === 's390-tbl') {
          // -S lists every number from 0 in order, holes as NI_SYSCALL.
          const slots = lines.filter((l) => /^(NI_SYSCALL|SYSCALL\()/.test(l));
          expect(slots[nr], `${call.output} slot ${nr}`).toBe(`SYSCALL(${entry},${row?.compat ?? entry})`);
        } else {
          const value = call.offset ? `(${call.offset} + ${nr})` : `${nr}`;
          const define = `#define __NR_${call.prefix}${c.def.name} ${value}`;
          expect(lines.includes(define), `${call.output}: ${define}`).toBe(on);
        }
      }
    }

    it('leaves the shared tree untouched (hard-link copy, files replaced)', () => {
      const tree = loadTree(dir);
      for (const [path, source] of tree.sources) expect(readFileSync(join(dir, path), 'utf8'), path).toBe(source);
      for (const h of newHeaders) expect(existsSync(join(dir, 'include/uapi', h)), h).toBe(false);
    });

    it.each(arches)('%s: headers_install runs the kernel generators; each ABI header defines the new numbers', (arch) => {
      const build = join(work, `build-${arch}`);
      rmSync(build, { recursive: true, force: true });
      const r = make(patched, build, arch, ['headers_install', 'archheaders', 'asm-generic']);
      writeFileSync(`${build}.log`, r.log);
      expect(r.status, r.log.split('\n').slice(-30).join('\n')).toBe(0);
      const found = generatorCalls(r.log, patched);
      seen.push(...found);
      const lines: string[] = [];
      for (const call of found) checkOutput(call, readFileSync(join(build, call.output), 'utf8'));
      // The installed uapi headers: every asm/unistd*.h the generators wrote,
      // plus asm-generic/unistd.h where asm/unistd.h includes it.
      const inc = join(build, 'usr/include');
      const installed = readdirSync(join(inc, 'asm')).filter((f) => /^unistd.*\.h$/.test(f));
      let defines = 0;
      for (const file of installed) {
        const text = readFileSync(join(inc, 'asm', file), 'utf8');
        const gen = found.find((c) => c.tool !== 'syscalltbl' && c.output.endsWith(`/uapi/asm/${file}`));
        const headers = gen ? [[`asm/${file}`, text]] : text.includes('<asm-generic/unistd.h>') ? [['asm-generic/unistd.h', readFileSync(join(inc, 'asm-generic/unistd.h'), 'utf8')]] : [];
        for (const [name, body] of headers) {
          for (const c of calls) {
            const m = new RegExp(`^#define __NR_${c.def.name}\\s+(.+)$`, 'm').exec(body!);
            if (gen) {
              const row = parseSyscallTable(gen.table, readFileSync(join(patched, gen.table), 'utf8')).rows.find((x) => x.name === c.def.name);
              expect(m !== null, `${name} defines __NR_${c.def.name}`).toBe(row !== undefined && selects(gen.abis, row.abi));
            } else {
              expect(m?.[1], `${name} (via asm/${file})`).toBe(`${c.nr}`);
            }
            if (m) defines++;
            if (m && c === calls[0]) lines.push(`${name}: __NR_${c.def.name} ${m[1]}`);
          }
        }
      }
      expect(defines, `${arch}: no installed header defines the new syscalls`).toBeGreaterThan(0);
      report.push(`- ${arch}: headers_install ok (${r.seconds.toFixed(1)} s); ${[...new Set(lines)].join('; ')}`);
    });

    it('replayed the kernel generators over every table of the tree', () => {
      const tree = loadTree(dir);
      const covered = new Set(seen.map((c) => c.table));
      expect(tree.tables.map((t) => t.path).filter((p) => !covered.has(p))).toEqual([]);
      // Some kernel tables (x86_64's syscalls_64.h, arm's, s390's -S) are
      // only generated in archprepare, which needs a .config.  Those tables
      // go through syscalltbl.sh here, with the ABI selection make used for
      // the same table's syscallhdr.sh run (the Makefiles pair them).
      const tblDone = new Set(seen.filter((c) => c.tool === 'syscalltbl').map((c) => c.table));
      const extra: GeneratorCall[] = [];
      for (const hdr of seen.filter((c) => c.tool !== 'syscalltbl' && !tblDone.has(c.table))) {
        const tool = hdr.tool === 's390-hdr' ? 's390-tbl' : 'syscalltbl';
        const key = `${hdr.table} ${tool} ${hdr.abis?.join(',')}`;
        if (extra.some((e) => `${e.table} ${e.tool} ${e.abis?.join(',')}` === key)) continue;
        const output = join(work, 'replay', `${extra.length}-${hdr.table.replace(/\//g, '_')}.h`);
        mkdirSync(join(work, 'replay'), { recursive: true });
        const call: GeneratorCall = { tool, prefix: '', table: hdr.table, output };
        let r;
        if (tool === 's390-tbl') {
          const script = join(patched, dirname(hdr.table), 'syscalltbl');
          r = spawnSync('sh', [script, '-S'], { input: readFileSync(join(patched, hdr.table)), encoding: 'utf8' });
          writeFileSync(output, r.stdout);
        } else {
          if (hdr.abis) call.abis = hdr.abis;
          const abis = hdr.abis ? ['--abis', hdr.abis.join(',')] : [];
          r = spawnSync('sh', ['scripts/syscalltbl.sh', ...abis, hdr.table, output], { cwd: patched, encoding: 'utf8' });
        }
        expect(r.status, `${tool} over ${hdr.table}: ${r.stderr}`).toBe(0);
        checkOutput(call, readFileSync(output, 'utf8'));
        extra.push(call);
      }
      const all = [...seen, ...extra];
      const tables = (tool: string) => new Set(all.filter((c) => c.tool === tool).map((c) => c.table)).size;
      report.push(
        `- generator runs: ${seen.length} by make + ${extra.length} replayed (syscallhdr.sh over ${tables('syscallhdr')} tables, syscalltbl.sh over ${tables('syscalltbl')}, s390 syscalltbl -H/-S over ${tables('s390-hdr')}/${tables('s390-tbl')}); ${tree.tables.length} tables in the tree`,
      );
      expect(tables('syscalltbl') + tables('s390-tbl')).toBe(tree.tables.length);
    });

    it.for(Object.entries(COMPILERS).flatMap(([arch, compilers]) => compilers.map((cc) => [arch, cc.join(' '), cc] as const)))(
      '%s: the new uapi headers compile on their own against the installed headers with %s',
      ([arch, label, [cc, ...flags]], ctx) => {
        expect(newHeaders.length).toBeGreaterThan(0);
        const inc = join(work, `build-${arch}`, 'usr/include');
        expect(existsSync(inc), `${arch}: headers_install left no ${inc}`).toBe(true);
        needTool(ctx, cc!);
        for (const h of newHeaders) {
          const r = spawnSync(cc!, [...flags, '-fsyntax-only', '-Wall', '-Wextra', '-Werror', '-I', inc, '-x', 'c', '-'], {
            input: `#include <${h}>\nint main(void) { return 0; }\n`,
            encoding: 'utf8',
          });
          // -m32/-mx32 need the multilib libc headers; without them a stub header is missing.
          if (r.status !== 0 && /gnu\/stubs-x32\.h|stubs-32\.h|bits\/libc-header-start\.h/.test(r.stderr)) {
            missing(ctx, `${label} has no libc headers (gcc-<N>-multilib, scripts/setup.sh --slow): ${r.stderr.split('\n')[0]}`);
          }
          expect(r.status, `${label} ${h}:\n${r.stderr}`).toBe(0);
        }
        report.push(`- ${label} -fsyntax-only ${newHeaders.join(', ')}: ok`);
      },
    );

    it('checkpatch.pl --strict: no errors, warnings or checks except the explained ones', async () => {
      // The v2 definition's plain diff too: every definition in defs/ is a generated patch.
      const v2 = join(work, 'out-v2');
      const ctx = { stdout: () => {}, stderr: () => {}, cwd: REPO_ROOT, env: {} };
      expect(await runCli(['generate', join(REPO_ROOT, 'defs/sframe-v2.yaml'), '--tree', dir, '--out', v2], ctx)).toBe(0);
      const diffs = [patch, ...readdirSync(v2).filter((f) => f.endsWith('.patch')).map((f) => join(v2, f))];
      expect(diffs.length).toBe(2);
      const patches = [...diffs, ...seriesPatches(dir, work)];
      for (const p of patches) {
        const signoff = diffs.includes(p) ? ['--no-signoff'] : [];
        const r = spawnSync('perl', ['scripts/checkpatch.pl', '--strict', '--show-types', '--patch', ...signoff, p], { cwd: patched, encoding: 'utf8' });
        const findings = [...r.stdout.matchAll(/^(ERROR|WARNING|CHECK):(\w+):/gm)].map((m) => ({ level: m[1]!, type: m[2]! }));
        const summary = /^total: .*$/m.exec(r.stdout)?.[0] ?? '(no summary)';
        const unexplained = findings.filter((f) => !(f.level === 'WARNING' && explanation(p, f.type) !== undefined));
        expect(unexplained, r.stdout).toEqual([]);
        expect(summary).toMatch(/^total: 0 errors, \d+ warnings, 0 checks/);
        const explained = findings.map((f) => `${f.level}:${f.type} (${explanation(p, f.type)})`);
        report.push(`- checkpatch --strict ${p.slice(work.length + 1)}: ${summary}${explained.length ? `; explained: ${explained.join(', ')}` : ''}`);
      }
    });

    it('make prepare (checksyscalls) for arm64 reports no new syscall as not implemented; its syscall tables compile', (ctx) => {
      needTool(ctx, 'aarch64-linux-gnu-gcc');
      const build = join(work, 'prepare-arm64');
      rmSync(build, { recursive: true, force: true });
      const cross = ['CROSS_COMPILE=aarch64-linux-gnu-'];
      const cfg = make(patched, build, 'arm64', ['defconfig'], cross);
      expect(cfg.status, cfg.log.slice(-3000)).toBe(0);
      const r = make(patched, build, 'arm64', ['prepare'], cross);
      writeFileSync(`${build}.log`, r.log);
      expect(r.status, r.log.slice(-3000)).toBe(0);
      const notImplemented = (log: string) => log.split('\n').filter((l) => /syscall \w+ not implemented/.test(l));
      const missing = notImplemented(r.log);
      for (const c of calls) expect(missing.filter((l) => l.includes(` ${c.def.name} `))).toEqual([]);
      // Control: the same checksyscalls command with an empty asm/unistd.h
      // first on the include path must name the new calls, which proves
      // they are in the reference table and the check would have caught
      // their absence.
      // 6.19+ Kbuild runs it as `DEPFILE=<file> sh checksyscalls.sh ... ; touch <stamp>`.
      const cmd = /^\s*(?:DEPFILE=\S+ )?sh (\S+\/checksyscalls\.sh) (.*?)(?: ?; touch \S+)?$/m.exec(r.log);
      expect(cmd, 'checksyscalls.sh ran in make prepare').not.toBeNull();
      const fake = join(work, 'empty-unistd');
      mkdirSync(join(fake, 'asm'), { recursive: true });
      writeFileSync(join(fake, 'asm/unistd.h'), '/* no syscalls */\n');
      const args = shellWords(cmd![2]!).flatMap((w) => (w === '-nostdinc' ? [w, `-I${fake}`] : [w]));
      const control = spawnSync('sh', [cmd![1]!, ...args], { cwd: build, encoding: 'utf8', env: { ...process.env, srctree: patched, DEPFILE: join(work, 'control.d') } });
      for (const c of calls) expect(notImplemented(control.stderr).some((l) => l.includes(` ${c.def.name} `)), `control names ${c.def.name}`).toBe(true);
      // The native and compat sys_call_table: a row past __NR_syscalls or
      // __NR_compat_syscalls (6.1's unistd32.h) is an out-of-bounds initializer.
      const tables = make(patched, build, 'arm64', ['arch/arm64/kernel/sys.o', 'arch/arm64/kernel/sys32.o'], cross);
      expect(tables.status, tables.log.slice(-3000)).toBe(0);
      report.push(`- make ARCH=arm64 arch/arm64/kernel/sys.o sys32.o: the native and compat syscall tables compile (${tables.seconds.toFixed(0)} s)`);
      report.push(`- make ARCH=arm64 prepare: checksyscalls ran, ${missing.length} "not implemented" warnings, none for ${calls.map((c) => c.def.name).join('/')} (${r.seconds.toFixed(0)} s)`);
    });
  });
}

/** The patches `syswire series` writes for the same definition. */
function seriesPatches(dir: string, work: string): string[] {
  const out = join(work, 'series');
  const r = spawnSync('node', [join(REPO_ROOT, 'bin/syswire.js'), 'series', DEFS, '--tree', dir, '--out', out], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`syswire series failed:\n${r.stderr}`);
  // The patches, not the cover letter: it has no diff for checkpatch to check (b4 prep --check skips it
  // too), and the rendered man page it carries is laid out by mandoc, not wrapped as a commit log.
  return readdirSync(out)
    .filter((f) => f.endsWith('.patch') && !f.endsWith('-0000-cover-letter.patch'))
    .map((f) => join(out, f));
}
