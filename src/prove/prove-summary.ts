/**
 * The per-ABI summary `prove` prints for one arch, and its failures as
 * `path: error: ...` lines pointing at the file that shows them: the
 * program's TAP file, or the console log when the guest hung or died.
 */
import { join } from 'node:path';
import type { ArchProfile } from './arch-profiles.js';
import type { ArchRun } from './prove-boot.js';

export interface ArchSummary {
  stdout: string;
  errors: string[];
}

export function formatArchRun(profile: ArchProfile, run: ArchRun, show: (path: string) => string, timeoutSeconds: number): ArchSummary {
  const out = join(run.consoleLog, '..');
  const errors: string[] = [];
  const lines = [`${profile.name}: guest ran ${run.boot.seconds.toFixed(1)} s; console ${show(run.consoleLog)}`];
  if (!run.hasSelftest) lines.push(`${profile.name}: the series has no tools/testing/selftests/<series>/<series>_test.c; only the bindings probe ran`);
  if (run.boot.timedOut) errors.push(`${show(run.consoleLog)}: error: the guest did not finish within ${timeoutSeconds} s and was killed; its console is this file`);
  else if (!run.done) {
    const why = run.boot.status !== 0 ? `${profile.qemu} exited with status ${run.boot.status}${run.boot.qemuOutput.trim() ? `: ${run.boot.qemuOutput.trim()}` : ''}` : 'the guest stopped before /init finished (a panic?)';
    errors.push(`${show(run.consoleLog)}: error: ${why}`);
  }
  const width = Math.max(...run.verdicts.map((v) => v.expected.abi.length));
  const progWidth = Math.max(...run.verdicts.map((v) => program(v.expected.path).length));
  for (const v of run.verdicts) {
    const { pass, fail, skip, xfail } = v.counts;
    const counts = `${pass} pass, ${fail} fail, ${skip} skip${xfail ? `, ${xfail} xfail` : ''}`;
    const status = v.problems.length === 0 ? (v.expected.wired ? 'ok' : 'ok (not wired: skips expected)') : 'FAILED';
    lines.push(`  ${v.expected.abi.padEnd(width)}  ${program(v.expected.path).padEnd(progWidth)}  ${counts.padEnd(28)}${status}`);
    const tap = show(join(out, `${v.expected.abi}-${program(v.expected.path)}.tap`));
    for (const p of v.problems) errors.push(`${v.run ? tap : show(run.consoleLog)}: error: ${v.expected.abi} ${program(v.expected.path)}: ${p}`);
  }
  return { stdout: `${lines.join('\n')}\n`, errors };
}

function program(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
