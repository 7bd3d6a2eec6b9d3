/**
 * Parse the diff of a patch mail (git format-patch output, or any git-style
 * diff) into files and hunks.
 *
 *     diff --git a/<old> b/<new>
 *     [new file mode | deleted file mode | index ... ]   (extended headers)
 *     --- a/<old> | /dev/null
 *     +++ b/<new> | /dev/null
 *     @@ -<oldStart>[,<oldCount>] +<newStart>[,<newCount>] @@ [function]
 *     ' ' context, '-' removed, '+' added, '\ No newline at end of file'
 *
 * A plain unified diff (quilt, GNU diff: no `diff --git` line) is read too:
 * its files start at a `--- ` line followed by a `+++ ` line, and paths
 * lose only an `a/` or `b/` prefix.  Hunks end by their line counts, so the
 * mail signature after the last hunk (`-- ` and git's version) is not taken
 * for a context line.  Paths git C-quotes (`"b/caf\303\251.h"`) are unquoted
 * before they are checked, as git apply will read them.
 *
 * This is syswire's only diff reader: lint, renumber and repost all read
 * patches through it.
 */
import { decodeBytes } from '../io/byte-text.js';
import { pathFormError } from '../io/path-guard.js';
import { DiagnosticError } from '../model/diagnostics.js';

export interface HunkLine {
  kind: ' ' | '-' | '+';
  text: string;
}

export interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  /** The `@@ ... @@` line as written. */
  header: string;
  lines: HunkLine[];
}

export interface FileDiff {
  /** Path before (undefined for a new file) and after (undefined when deleted). */
  oldPath: string | undefined;
  newPath: string | undefined;
  hunks: Hunk[];
}

export interface ParsedPatch {
  /** Everything before the first file's diff. */
  head: string;
  files: FileDiff[];
}

export class PatchParseError extends Error {}


const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export function parsePatch(text: string): ParsedPatch {
  const lines = text.split('\n');
  let i = lines.findIndex((_, at) => startsFile(lines, at));
  if (i < 0) return { head: text, files: [] };
  const head = lines.slice(0, i).join('\n') + '\n';
  const files: FileDiff[] = [];
  while (i < lines.length) {
    if (!startsFile(lines, i)) {
      i++;
      continue;
    }
    const file: FileDiff = { oldPath: undefined, newPath: undefined, hunks: [] };
    i = lines[i]!.startsWith('diff --git ') ? readGitHeader(lines, i, file) : readPlainHeader(lines, i, file);
    while (i < lines.length && lines[i]!.startsWith('@@')) i = readHunk(lines, i, file);
    for (const path of [file.oldPath, file.newPath]) {
      // A patch from a stranger names the files it writes: none may leave the tree.
      const bad = path === undefined ? undefined : pathFormError(path);
      if (bad) throw new PatchParseError(`${JSON.stringify(path)}: ${bad}`);
    }
    files.push(file);
  }
  return { head, files };
}

/** parsePatch for the patch in `file`: a malformed patch is a diagnostic on that file. */
export function parsePatchFile(file: string, text: string): ParsedPatch {
  try {
    return parsePatch(text);
  } catch (err) {
    if (!(err instanceof PatchParseError)) throw err;
    throw new DiagnosticError([{ file, line: 0, col: 0, severity: 'error', message: `not a valid patch: ${err.message}` }]);
  }
}

/** `diff --git`, or `--- ` directly followed by `+++ ` (a plain unified diff). */
function startsFile(lines: readonly string[], at: number): boolean {
  const line = lines[at]!;
  return line.startsWith('diff --git ') || (line.startsWith('--- ') && (lines[at + 1] ?? '').startsWith('+++ '));
}

/** `diff --git a/<old> b/<new>` and its extended headers, up to the first hunk. */
function readGitHeader(lines: readonly string[], at: number, file: FileDiff): number {
  const names = gitNames(lines[at]!.slice('diff --git '.length));
  if (names) [file.oldPath, file.newPath] = names;
  let i = at + 1;
  for (; i < lines.length && !lines[i]!.startsWith('@@') && !lines[i]!.startsWith('diff --git '); i++) {
    const l = lines[i]!;
    if (l.startsWith('--- ')) file.oldPath = pathOf(l.slice(4), 'a/');
    if (l.startsWith('+++ ')) file.newPath = pathOf(l.slice(4), 'b/');
  }
  return i;
}

/** The `--- ` / `+++ ` pair of a plain unified diff. */
function readPlainHeader(lines: readonly string[], at: number, file: FileDiff): number {
  file.oldPath = pathOf(lines[at]!.slice(4), 'a/');
  file.newPath = pathOf(lines[at + 1]!.slice(4), 'b/');
  return at + 2;
}

function pathOf(field: string, prefix: string): string | undefined {
  const path = field.startsWith('"') ? unquote(field)[0] : field.split('\t')[0]!;
  if (path === '/dev/null') return undefined;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** `a/<old> b/<new>` of a `diff --git` line, each plain or C-quoted; undefined when it is neither. */
function gitNames(rest: string): [string, string] | undefined {
  const [oldName, afterOld] = readName(rest);
  if (!afterOld.startsWith(' ')) return undefined;
  const [newName, afterNew] = readName(afterOld.slice(1));
  if (afterNew !== '' || !oldName.startsWith('a/') || !newName.startsWith('b/')) return undefined;
  return [oldName.slice(2), newName.slice(2)];
}

/** One name of a `diff --git` line, C-quoted or up to the next space, and the rest of the line. */
function readName(text: string): [string, string] {
  if (text.startsWith('"')) return unquote(text);
  const end = text.search(/\s|$/);
  return [text.slice(0, end), text.slice(end)];
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * A path git wrote C-quoted (`"b/\303\251t\303\251.h"`, for bytes and
 * characters it will not print raw) and the text after the closing quote.
 * Octal escapes are bytes, decoded losslessly; git apply reads the same
 * path, so the form checks must see it unquoted (`"\056\056/x"` is `../x`).
 */
function unquote(field: string): [string, string] {
  const bytes: number[] = [];
  for (let i = 1; i < field.length; i++) {
    const c = field[i]!;
    if (c === '"') return [decodeBytes(Uint8Array.from(bytes)), field.slice(i + 1)];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const octal = /^[0-3][0-7]{2}/.exec(field.slice(i + 1))?.[0];
    const escaped = octal ? parseInt(octal, 8) : ESCAPES[field[i + 1] ?? ''];
    if (escaped === undefined) throw new PatchParseError(`bad escape in quoted path ${field}`);
    bytes.push(escaped);
    i += octal ? 3 : 1;
  }
  throw new PatchParseError(`unterminated quoted path ${field}`);
}

function readHunk(lines: readonly string[], at: number, file: FileDiff): number {
  const header = lines[at]!;
  const m = HUNK.exec(header);
  if (!m) throw new PatchParseError(`bad hunk header: ${header}`);
  const hunk: Hunk = { oldStart: Number(m[1]), oldCount: m[2] === undefined ? 1 : Number(m[2]), newStart: Number(m[3]), newCount: m[4] === undefined ? 1 : Number(m[4]), header, lines: [] };
  let [oldLeft, newLeft] = [hunk.oldCount, hunk.newCount];
  let i = at + 1;
  while ((oldLeft > 0 || newLeft > 0) && i < lines.length) {
    const l = lines[i]!;
    const kind = l[0] ?? ' ';
    if (kind === '\\') {
      i++;
      continue;
    }
    if (kind !== ' ' && kind !== '-' && kind !== '+') throw new PatchParseError(`${file.newPath ?? file.oldPath}: hunk ${header} ends early`);
    hunk.lines.push({ kind, text: l.slice(1) });
    if (kind !== '+') oldLeft--;
    if (kind !== '-') newLeft--;
    i++;
  }
  if (oldLeft > 0 || newLeft > 0) throw new PatchParseError(`${file.newPath ?? file.oldPath}: hunk ${header} is truncated`);
  while (i < lines.length && lines[i]!.startsWith('\\')) i++;
  file.hunks.push(hunk);
  return i;
}

/** Render one file's diff back to text (for `git apply`). */
export function printFileDiff(file: FileDiff): string {
  const a = file.oldPath === undefined ? '/dev/null' : `a/${file.oldPath}`;
  const b = file.newPath === undefined ? '/dev/null' : `b/${file.newPath}`;
  const path = file.newPath ?? file.oldPath!;
  const mode = file.oldPath === undefined ? 'new file mode 100644\n' : file.newPath === undefined ? 'deleted file mode 100644\n' : '';
  const hunks = file.hunks.map((h) => `${h.header}\n${h.lines.map((l) => l.kind + l.text).join('\n')}\n`).join('');
  return `diff --git a/${path} b/${path}\n${mode}--- ${a}\n+++ ${b}\n${hunks}`;
}
