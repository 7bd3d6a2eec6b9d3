/**
 * The programs that run in the guest, built static (the initramfs has no
 * C library) for each user ABI of the arch, against the patched tree's
 * headers_install output, so they get the series' numbers and uapi
 * struct as a user would:
 *
 *  - the series' own kselftest, tools/testing/selftests/<series>/<series>_test.c
 *    of the patched tree, when the series has one (it includes
 *    ../kselftest_harness.h, as the selftests' Makefiles build it);
 *  - the bindings probe (probe-view.ts, templates/prove-probe.c.hbs);
 *  - /init (templates/prove-init.c.hbs), for the arch's native ABI.
 *
 * A compiler that cannot build for an ABI (no multilib C library, say) is
 * a located error naming the Debian packages, after the compiler's lines.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticError } from '../model/diagnostics.js';
import { renderTemplate } from '../render/engine.js';
import type { UserAbiProfile } from './arch-profiles.js';
import { compilerErrors } from './kernel-build.js';
import type { ProbeView } from './probe-view.js';
import { runTool } from './tool-runner.js';

/** Where a series' kselftest sits in the patched tree. */
export function selftestSource(src: string, series: string): string | undefined {
  const path = join(src, 'tools/testing/selftests', series, `${series}_test.c`);
  return existsSync(path) ? path : undefined;
}

/** Build one static program for `abi`; returns the binary's path. */
export async function compileProgram(abi: UserAbiProfile, source: string, output: string, includes: readonly string[], report: (text: string) => void): Promise<string> {
  const args = ['-static', '-O2', '-Wall', ...abi.ccFlags, ...includes.flatMap((i) => ['-isystem', i]), '-o', output, source];
  const r = await runTool(abi.cc, args);
  if (r.status === 0) return output;
  const lines = compilerErrors(r.output);
  report(`${(lines.length > 0 ? lines.join('\n') : r.output.trim())}\n`);
  throw new DiagnosticError([
    { file: source, line: 0, col: 0, severity: 'error', message: `${abi.cc} ${abi.ccFlags.join(' ')} -static cannot build it for ${abi.abi}; it needs the Debian package${abi.packages.length > 1 ? 's' : ''} ${abi.packages.join(', ')}` },
  ]);
}

/** Write the probe's C source for one ABI. */
export function writeProbeSource(view: ProbeView, path: string): string {
  writeFileSync(path, renderTemplate('prove-probe.c.hbs', view));
  return path;
}

/** Write /init's C source: run `tests` in order, framing each one's output. */
export function writeInitSource(tests: readonly { abi: string; path: string }[], path: string): string {
  writeFileSync(path, renderTemplate('prove-init.c.hbs', { tests }));
  return path;
}
