/**
 * Apply one file's hunks to a text with real `git apply` (which allows the
 * hunks to have moved: the new base may have lines added above them), in a
 * scratch directory.  Returns the new text, or git's complaint.
 *
 * When git refuses, one more rule is tried, the one the kernel uses when
 * two trees append at the same place (a `struct x;` forward declaration at
 * the end of syscalls.h's list, a prototype after the same neighbour):
 * a hunk that only inserts lines goes where its leading context is
 * followed, a few lines later, by its trailing context, i.e. after the lines
 * the new base inserted there.  The nearest such place to the hunk's old
 * position wins.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { joinLines, splitLines } from '../kernel/text-lines.js';
import { git } from '../git/git-runner.js';
import { printFileDiff, type FileDiff } from './patch-parser.js';

/** How many lines the new base may have inserted between a hunk's leading and trailing context. */
const MAX_GAP = 40;

export function applyFileDiff(before: string | undefined, file: FileDiff): { text: string } | { error: string } {
  const viaGit = applyWithGit(before, file);
  if (!('error' in viaGit) || before === undefined) return viaGit;
  const text = appendAtSamePlace(before, file);
  return text === undefined ? viaGit : { text };
}

function appendAtSamePlace(before: string, file: FileDiff): string | undefined {
  const source = splitLines(before);
  const out = [...source.lines];
  for (const hunk of file.hunks) {
    const kinds = hunk.lines.map((l) => l.kind);
    const [first, last] = [kinds.indexOf('+'), kinds.lastIndexOf('+')];
    if (first < 0 || kinds.includes('-') || kinds.slice(first, last + 1).some((k) => k !== '+')) return undefined;
    const texts = (from: number, to?: number) => hunk.lines.slice(from, to).map((l) => l.text);
    const [lead, run, trail] = [texts(0, first), texts(first, last + 1), texts(last + 1)];
    const matches = (at: number, want: readonly string[]) => want.every((t, k) => out[at + k] === t);
    let best: { at: number; distance: number } | undefined;
    for (let p = 0; p + lead.length <= out.length; p++) {
      if (!matches(p, lead)) continue;
      for (let gap = 0; gap <= MAX_GAP && p + lead.length + gap + trail.length <= out.length; gap++) {
        if (!matches(p + lead.length + gap, trail)) continue;
        const distance = Math.abs(p - (hunk.oldStart - 1));
        if (!best || distance < best.distance) best = { at: p + lead.length + gap, distance };
        break;
      }
    }
    if (!best) return undefined;
    out.splice(best.at, 0, ...run);
  }
  return joinLines({ lines: out, finalNewline: source.finalNewline });
}

function applyWithGit(before: string | undefined, file: FileDiff): { text: string } | { error: string } {
  const path = file.newPath ?? file.oldPath!;
  const dir = mkdtempSync(join(tmpdir(), 'syswire-apply-'));
  try {
    git(['init', '-q'], { cwd: dir });
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    if (before !== undefined) writeFileSync(full, before);
    writeFileSync(join(dir, '.git/one.patch'), printFileDiff(file));
    git(['apply', '--whitespace=nowarn', '.git/one.patch'], { cwd: dir });
    return existsSync(full) ? { text: readFileSync(full, 'utf8') } : { error: 'the patch deletes the file' };
  } catch (err) {
    const message = ((err as { stderr?: string }).stderr ?? String(err)).trim().split('\n').find((l) => l.startsWith('error:')) ?? 'git apply failed';
    return { error: message.replace(/^error: /, '') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
