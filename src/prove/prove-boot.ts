/**
 * One arch's run in the guest: build the user programs for each ABI, pack
 * them with /init into an initramfs, boot the kernel, and judge what the
 * console shows.  Everything it writes goes under OUT/<arch>/:
 *
 *     console.log           the serial console, kept whatever happens
 *     <abi>-<program>.tap   each program's TAP lines
 *     bin/, init.c, probe-<abi>.c, initramfs.cpio, initramfs.list
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedCall } from '../plan/numbering.js';
import type { ArchProfile } from './arch-profiles.js';
import { packInitramfs, type GuestFile } from './initramfs.js';
import type { KernelOutcome } from './prove-kernel.js';
import { judgeBoot, type ExpectedProgram, type ProgramVerdict } from './prove-verdict.js';
import { probeView } from './probe-view.js';
import { bootGuest, type BootResult } from './qemu-runner.js';
import { parseConsole } from './tap-parser.js';
import { compileProgram, selftestSource, writeInitSource, writeProbeSource } from './user-programs.js';

export interface BootInput {
  series: string;
  calls: readonly PlannedCall[];
  /** The bindings' numbers: syscall -> ABI -> number (null: not wired there). */
  numbers: ReadonlyMap<string, Record<string, number | null>>;
  outDir: string;
  timeoutMs: number;
}

export interface ArchRun {
  boot: BootResult;
  verdicts: ProgramVerdict[];
  /** Whether the series carries a selftest (else only the bindings probe ran). */
  hasSelftest: boolean;
  consoleLog: string;
  done: boolean;
}

export async function bootArch(profile: ArchProfile, kernel: KernelOutcome, input: BootInput, report: (text: string) => void): Promise<ArchRun> {
  const out = join(input.outDir, profile.name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'bin'), { recursive: true });
  const selftest = selftestSource(kernel.src, input.series);
  const files: GuestFile[] = [];
  const expected: ExpectedProgram[] = [];
  for (const abi of profile.abis) {
    const includes = [kernel.manifest.headers[abi.headersArch]!];
    const wired = input.calls.every((c) => (input.numbers.get(c.def.name)?.[abi.abi] ?? null) !== null);
    const programs: { kind: ExpectedProgram['kind']; source: string }[] = [];
    if (selftest) programs.push({ kind: 'selftest', source: selftest });
    programs.push({ kind: 'probe', source: writeProbeSource(probeView(abi.abi, input.calls, input.numbers), join(out, `probe-${abi.abi}.c`)) });
    for (const p of programs) {
      const name = p.kind === 'selftest' ? `${input.series}_test` : 'probe';
      const binary = await compileProgram(abi, p.source, join(out, 'bin', `${abi.abi}-${name}`), includes, report);
      const path = `/tests/${abi.abi}/${name}`;
      files.push({ name: path, location: binary });
      expected.push({ abi: abi.abi, path, kind: p.kind, wired });
    }
  }
  const native = profile.abis[0]!;
  const init = await compileProgram(native, writeInitSource(expected, join(out, 'init.c')), join(out, 'bin', 'init'), [], report);
  const initramfs = join(out, 'initramfs.cpio');
  await packInitramfs(kernel.manifest.genInitCpio, [{ name: '/init', location: init }, ...files], join(out, 'initramfs.list'), initramfs);

  const consoleLog = join(out, 'console.log');
  const boot = await bootGuest(profile, kernel.manifest.image, initramfs, consoleLog, input.timeoutMs);
  const parsed = parseConsole(boot.console);
  for (const p of parsed.programs) writeFileSync(join(out, `${p.abi}-${p.path.split('/').pop()}.tap`), `${p.lines.join('\n')}\n`);
  return { boot, verdicts: judgeBoot(expected, parsed), hasSelftest: selftest !== undefined, consoleLog, done: parsed.done };
}
