/**
 * The initramfs: /init, the test programs under /tests/<abi>/, and
 * /dev/console (the kernel opens it for /init before devtmpfs could
 * exist).  It is packed by the tree's own usr/gen_init_cpio, built with
 * the kernel, from a list in its input format (usr/gen_init_cpio.c):
 *
 *     dir <name> <mode> <uid> <gid>
 *     nod <name> <mode> <uid> <gid> <dev_type> <maj> <min>
 *     file <name> <location> <mode> <uid> <gid>
 *
 * gen_init_cpio needs no root to make the device node, unlike cpio(1).
 * The archive is uncompressed, which every kernel unpacks.
 */
import { writeFileSync } from 'node:fs';
import { DiagnosticError } from '../model/diagnostics.js';
import { runTool } from './tool-runner.js';

export interface GuestFile {
  /** Path in the guest, absolute. */
  name: string;
  /** The host file. */
  location: string;
}

/** gen_init_cpio's list: directories first (parents before children), then files in the given order. */
export function cpioList(files: readonly GuestFile[]): string {
  const dirs = new Set<string>(['/dev']);
  for (const f of files) {
    const parts = f.name.split('/').slice(1, -1);
    for (let i = 1; i <= parts.length; i++) dirs.add(`/${parts.slice(0, i).join('/')}`);
  }
  const lines = [...dirs].sort().map((d) => `dir ${d} 0755 0 0`);
  lines.push('nod /dev/console 0600 0 0 c 5 1');
  for (const f of files) lines.push(`file ${f.name} ${f.location} 0755 0 0`);
  return `${lines.join('\n')}\n`;
}

/** Pack `files` into `archive` with `genInitCpio`. */
export async function packInitramfs(genInitCpio: string, files: readonly GuestFile[], listFile: string, archive: string): Promise<void> {
  writeFileSync(listFile, cpioList(files));
  const r = await runTool(genInitCpio, [listFile], { stdoutFile: archive });
  if (r.status !== 0) throw new DiagnosticError([{ file: listFile, line: 0, col: 0, severity: 'error', message: `gen_init_cpio failed: ${r.output.trim()}` }]);
}
