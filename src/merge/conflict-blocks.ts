/**
 * Split `git merge-file --diff3` output into merged text and conflicts:
 *
 *     <<<<<<< ours
 *     (our lines)
 *     ||||||| base
 *     (the ancestor's lines)
 *     =======
 *     (their lines)
 *     >>>>>>> theirs
 */
import { splitLines } from '../kernel/text-lines.js';

export interface Conflict {
  kind: 'conflict';
  ours: string[];
  base: string[];
  theirs: string[];
}

export interface Clean {
  kind: 'clean';
  lines: string[];
}

export type Segment = Clean | Conflict;

export interface MergedText {
  segments: Segment[];
  finalNewline: boolean;
}

export function parseConflictBlocks(text: string): MergedText {
  const { lines, finalNewline } = splitLines(text);
  const segments: Segment[] = [];
  let clean: Clean = { kind: 'clean', lines: [] };
  let conflict: Conflict | undefined;
  let part: 'ours' | 'base' | 'theirs' = 'ours';
  for (const line of lines) {
    if (!conflict && line.startsWith('<<<<<<< ')) {
      if (clean.lines.length > 0) segments.push(clean);
      conflict = { kind: 'conflict', ours: [], base: [], theirs: [] };
      part = 'ours';
    } else if (conflict && part === 'ours' && line.startsWith('||||||| ')) part = 'base';
    else if (conflict && part !== 'theirs' && line === '=======') part = 'theirs';
    else if (conflict && part === 'theirs' && line.startsWith('>>>>>>> ')) {
      segments.push(conflict);
      conflict = undefined;
      clean = { kind: 'clean', lines: [] };
    } else if (conflict) conflict[part].push(line);
    else clean.lines.push(line);
  }
  if (conflict) throw new Error('unterminated conflict in git merge-file output');
  if (clean.lines.length > 0) segments.push(clean);
  return { segments, finalNewline };
}
