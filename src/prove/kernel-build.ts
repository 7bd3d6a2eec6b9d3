/**
 * Building the test kernel with the tree's own Kbuild, out of tree (O=):
 * `tinyconfig`, the arch's options (kernel-config.ts), `olddefconfig`,
 * the image, and `headers_install` for each kernel ARCH whose headers the
 * user programs compile against (x86_64 for -m64/-m32/-mx32; arm64, and arm
 * for 32-bit arm programs, whose numbers come from arch/arm's own table).
 *
 * A failed step is a DiagnosticError naming its log, after the compiler's
 * own error lines (`file:line:col: error: ...`) are passed to `report`.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DiagnosticError } from '../model/diagnostics.js';
import type { ArchProfile } from './arch-profiles.js';
import { configArgs, droppedOptions } from './kernel-config.js';
import { runTool } from './tool-runner.js';

export interface KernelBuildDirs {
  /** The patched source tree. */
  src: string;
  /** make's O= for the kernel. */
  build: string;
  /** Where build logs go. */
  logs: string;
}

/** `make` in the source tree with the arch's ARCH, CROSS_COMPILE and O=. */
async function make(dirs: KernelBuildDirs, arch: string, cross: string, build: string, goals: readonly string[], log: string, report: (text: string) => void): Promise<void> {
  const args = ['-C', dirs.src, `O=${build}`, `ARCH=${arch}`, ...(cross ? [`CROSS_COMPILE=${cross}`] : []), `-j${availableParallelism()}`, ...goals];
  const logFile = join(dirs.logs, log);
  const r = await runTool('make', args, { logFile });
  if (r.status === 0) return;
  const lines = compilerErrors(r.output);
  if (lines.length > 0) report(`${lines.join('\n')}\n`);
  throw new DiagnosticError([{ file: logFile, line: 0, col: 0, severity: 'error', message: `make ${goals.join(' ')} for ${arch} failed (exit ${r.status}); the full log is this file` }]);
}

/** The compiler's and make's error lines in a build log, each with the lines gcc prints under it. */
export function compilerErrors(log: string): string[] {
  const lines = log.split('\n');
  const picked: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/: (fatal )?error: |^make(\[\d+\])?: \*\*\* /.test(lines[i]!)) continue;
    picked.push(lines[i]!);
    // gcc's caret lines: `  12 |  code` and `     |  ^~~`.
    for (let j = i + 1; j < lines.length && /^\s*\d*\s*\|/.test(lines[j]!); j++) picked.push(lines[j]!);
  }
  return picked;
}

/** Configure and build the arch's image; returns its path. */
export async function buildKernel(profile: ArchProfile, dirs: KernelBuildDirs, report: (text: string) => void): Promise<string> {
  const { name, crossCompile } = profile;
  await make(dirs, name, crossCompile, dirs.build, ['tinyconfig'], 'tinyconfig.log', report);
  const configFile = join(dirs.build, '.config');
  const edit = await runTool(join(dirs.src, 'scripts/config'), configArgs(profile, configFile));
  if (edit.status !== 0) throw new DiagnosticError([{ file: configFile, line: 0, col: 0, severity: 'error', message: `scripts/config failed: ${edit.output.trim()}` }]);
  await make(dirs, name, crossCompile, dirs.build, ['olddefconfig'], 'olddefconfig.log', report);
  const dropped = droppedOptions(profile, readFileSync(configFile, 'utf8'));
  if (dropped.length > 0) {
    throw new DiagnosticError(
      dropped.map((d) => ({ file: configFile, line: 0, col: 0, severity: 'error', message: `CONFIG_${d.option} did not survive olddefconfig (its dependencies are not met); it is needed for ${d.why}` })),
    );
  }
  await make(dirs, name, crossCompile, dirs.build, [profile.imageTarget], 'build.log', report);
  return join(dirs.build, profile.image);
}

/** `make headers_install` for a kernel ARCH into `dest` (its include/ is what programs compile against). */
export async function installHeaders(dirs: KernelBuildDirs, arch: string, build: string, dest: string, report: (text: string) => void): Promise<string> {
  await make(dirs, arch, '', build, ['headers_install', `INSTALL_HDR_PATH=${dest}`], `headers-${arch}.log`, report);
  return join(dest, 'include');
}
