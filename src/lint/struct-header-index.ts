/**
 * Which uapi headers define which structs, found by grep(1) in the
 * background: `syswire lint --tree` starts it before it reads the tree, so
 * the ~15 ms grep over include/uapi runs on the other core while the
 * tables are parsed.  The patterns are every `struct NAME` the tree's
 * include/linux/syscalls.h mentions, a superset of what the uapi-header
 * rule asks for; a struct outside it is grepped for on demand.
 *
 * The promise never rejects: a failed grep becomes `undefined`, and lint
 * then greps on demand (and reports that error, if it recurs).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { structsUsed } from '../kernel/syscalls-h-reader.js';
import { SYSCALLS_H } from '../kernel/kernel-tree.js';

/** struct name -> uapi headers defining it (`struct NAME {`), sorted. */
export type StructHeaderIndex = ReadonlyMap<string, readonly string[]>;

export interface PendingIndex {
  /** Structs the grep looks for. */
  structs: ReadonlySet<string>;
  index: Promise<StructHeaderIndex | undefined>;
}

export function startStructHeaderIndex(root: string): PendingIndex {
  const syscallsH = join(root, SYSCALLS_H);
  const structs = existsSync(syscallsH) && existsSync(join(root, 'include/uapi')) ? structsUsed([readFileSync(syscallsH, 'utf8')]) : [];
  if (structs.length === 0) return { structs: new Set(), index: Promise.resolve(new Map()) };
  const index = new Promise<StructHeaderIndex | undefined>((resolve) => {
    const patterns = structs.flatMap((name) => ['-e', `struct ${name} {`]);
    const grep = spawn('grep', ['-rHoF', '--include=*.h', ...patterns, 'include/uapi'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    grep.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    grep.on('error', () => resolve(undefined));
    grep.on('close', (status) => resolve(status === 0 || status === 1 ? parseMatches(out) : undefined));
  });
  return { structs: new Set(structs), index };
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
