/**
 * Three-way merge of one file's texts by real `git merge-file`, in diff3
 * style: every conflict keeps its base section (`|||||||`), which is what
 * tells a pure "both sides inserted here" conflict (empty base) from a real
 * one.  diff3 style also keeps git from moving lines both sides share out
 * of the conflict (the zealous refinement), so a side's insertion stays
 * whole.  The texts go through a scratch directory that is removed again.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeBytes, encodeText } from '../io/byte-text.js';

export interface MergeFileResult {
  /** The merged text, with conflict markers where git could not merge. */
  text: string;
  conflicts: number;
}

export const MARKER_LABELS = { ours: 'ours', base: 'base', theirs: 'theirs' } as const;

export function mergeFileDiff3(ours: string, base: string, theirs: string): MergeFileResult {
  const dir = mkdtempSync(join(tmpdir(), 'syswire-merge-'));
  try {
    const files = { ours: join(dir, 'ours'), base: join(dir, 'base'), theirs: join(dir, 'theirs') };
    writeFileSync(files.ours, encodeText(ours));
    writeFileSync(files.base, encodeText(base));
    writeFileSync(files.theirs, encodeText(theirs));
    const labels = ['-L', MARKER_LABELS.ours, '-L', MARKER_LABELS.base, '-L', MARKER_LABELS.theirs];
    const run = spawnSync('git', ['merge-file', '-p', '--diff3', ...labels, files.ours, files.base, files.theirs], {
      maxBuffer: 256 * 1024 * 1024,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1', HOME: dir, LC_ALL: 'C' },
    });
    if (run.error) throw run.error;
    if (run.status === null || run.status < 0 || run.status > 127) throw new Error(`git merge-file failed: ${decodeBytes(run.stderr)}`);
    return { text: decodeBytes(run.stdout), conflicts: run.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
