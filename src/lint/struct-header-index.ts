/**
 * Which uapi headers define which structs, found by one grep(1) over
 * include/uapi (`grep -r` does not follow symlinks).  The patterns are
 * every `struct NAME` the tree's include/linux/syscalls.h mentions, a
 * superset of what the uapi-header rule asks for; lint-tree.ts greps for
 * a struct outside it on demand.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { structsUsed } from '../kernel/syscalls-h-reader.js';
import { SYSCALLS_H } from '../kernel/kernel-tree.js';

/** struct name -> uapi headers defining it (`struct NAME {`), sorted. */
export type StructHeaderIndex = ReadonlyMap<string, readonly string[]>;

export interface KnownStructs {
  /** Structs the index looked for (found or not). */
  structs: ReadonlySet<string>;
  index: StructHeaderIndex;
}

export function indexStructHeaders(root: string): KnownStructs {
  const syscallsH = join(root, SYSCALLS_H);
  const structs = existsSync(syscallsH) && existsSync(join(root, 'include/uapi')) ? structsUsed([readFileSync(syscallsH, 'utf8')]) : [];
  if (structs.length === 0) return { structs: new Set(), index: new Map() };
  const patterns = structs.flatMap((name) => ['-e', `struct ${name} {`]);
  const run = spawnSync('grep', ['-rHoF', '--include=*.h', ...patterns, 'include/uapi'], { cwd: root, encoding: 'utf8', maxBuffer: 16 << 20 });
  // grep exits 1 when nothing matched; anything else is a failure.
  if (run.error || (run.status !== 0 && run.status !== 1)) throw new Error(`grep failed in ${root}: ${run.error?.message ?? run.stderr.trim()}`);
  return { structs: new Set(structs), index: parseMatches(run.stdout) };
}

/** `include/uapi/linux/mount.h:struct mount_attr {` lines -> index. */
function parseMatches(out: string): StructHeaderIndex {
  const index = new Map<string, string[]>();
  for (const line of out.split('\n')) {
    const m = /^(.*?):struct (\w+) \{$/.exec(line);
    if (!m) continue;
    const files = index.get(m[2]!) ?? [];
    if (!files.includes(m[1]!)) files.push(m[1]!);
    index.set(m[2]!, files);
  }
  for (const files of index.values()) files.sort();
  return index;
}
