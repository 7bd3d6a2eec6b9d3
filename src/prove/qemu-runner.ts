/**
 * Booting the test kernel under QEMU (TCG: no KVM needed) with the
 * initramfs, the serial console written to a file, and -no-reboot: /init
 * reboots when its tests are done and the kernel reboots on a panic
 * (panic=-1), and either way QEMU exits.  A guest that does neither is
 * killed after `timeoutMs`; its console log stays where it was written.
 */
import { readFileSync } from 'node:fs';
import type { ArchProfile } from './arch-profiles.js';
import { runTool } from './tool-runner.js';

export interface BootResult {
  console: string;
  timedOut: boolean;
  status: number | null;
  seconds: number;
  /** QEMU's own messages (a bad option, a missing firmware). */
  qemuOutput: string;
}

export function qemuArgs(profile: ArchProfile, image: string, initramfs: string, consoleLog: string): string[] {
  return [...profile.qemuArgs, '-kernel', image, '-initrd', initramfs, '-append', profile.cmdline, '-nographic', '-monitor', 'none', '-serial', `file:${consoleLog}`, '-no-reboot'];
}

export async function bootGuest(profile: ArchProfile, image: string, initramfs: string, consoleLog: string, timeoutMs: number): Promise<BootResult> {
  const r = await runTool(profile.qemu, qemuArgs(profile, image, initramfs, consoleLog), { timeoutMs });
  let console = '';
  try {
    console = readFileSync(consoleLog, 'utf8');
  } catch {
    // QEMU never opened it; qemuOutput says why.
  }
  return { console, timedOut: r.timedOut, status: r.status, seconds: r.seconds, qemuOutput: r.output };
}
