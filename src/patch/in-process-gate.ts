/**
 * When the series can be written in process (series-writer.ts) instead
 * of by real git (format-patch.ts).  The in-process writer reproduces
 * `git format-patch` byte for byte on this subset only; everything else
 * goes to git, unchanged:
 *
 * - the tree root has no `.git` entry, so the base is the synthetic
 *   commit (a tree that is a git repository bases the series on its HEAD);
 * - every patch is generated edits (`kind: 'edits'`), at least one, each
 *   changing something;
 * - each edit follows the previous state of its file (what git would
 *   reject is left to git, which reports it), one edit per file and patch;
 * - paths: `[A-Za-z0-9_.+,=@%~-]` components, none `.`/`..`, none
 *   starting with `.git`, no `.mailmap` (attributes and mailmaps would
 *   change git's output), no path both a file and a directory;
 * - contents: no NUL (git would call the file binary), no lone UTF-16
 *   surrogate, no new empty file;
 * - names: ASCII letters, digits, space, `_+'-`, starting and ending with
 *   a letter or digit (no RFC 822 specials: git would quote them; nothing
 *   git strips from an ident); emails `[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+`;
 *   `From: Name <email>` fits in 78 columns (git would fold it);
 * - dates: as git-date-parser.ts accepts them (RFC 2822
 *   `Thu, 4 Jun 2026 10:00:00 -0400`, `@<epoch> <+hhmm>`, DEFAULT_DATE);
 * - subjects (and the cover subject): printable ASCII, no leading or
 *   trailing space, no `=?` (git would RFC 2047-encode), not starting
 *   with `[PATCH` (shortlog would strip it); folding at 78 columns is
 *   reproduced;
 * - message bodies and the cover blurb: no control character but TAB and
 *   LF (non-ASCII text is fine: it gets git's 8bit MIME lines); the blurb
 *   has no leading or trailing whitespace;
 * - subject prefix: letters, digits, space, `._-`, ending in a letter or
 *   digit; version a positive integer; abbrev an integer from 7 to 40.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SeriesSpec } from './format-patch.js';
import { parseGitDate } from './git-date-parser.js';
import type { Identity } from './scratch-repo.js';

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9 _+'-]*[A-Za-z0-9])?$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+$/;
const SUBJECT = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;
const PREFIX = /^[A-Za-z0-9](?:[A-Za-z0-9 ._-]*[A-Za-z0-9])?$/;
const COMPONENT = /^[A-Za-z0-9_.+,=@%~-]+$/;
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]|\p{Cs}/u;

/** Why the series needs real git, or undefined when it can be written in process. */
export function inProcessBlocker(spec: SeriesSpec): string | undefined {
  if (existsSync(join(spec.treeRoot, '.git'))) return 'the tree is a git repository';
  if (spec.commits.length === 0) return 'no patches';
  if (!Number.isInteger(spec.version) || spec.version < 1) return `version ${spec.version}`;
  if (!Number.isInteger(spec.abbrev) || spec.abbrev < 7 || spec.abbrev > 40) return `abbrev ${spec.abbrev}`;
  if (!PREFIX.test(spec.subjectPrefix)) return `subject prefix '${spec.subjectPrefix}'`;
  const who = identityBlocker(spec.committer);
  if (who) return who;
  if (spec.cover) {
    if (!subjectOk(spec.cover.subject)) return `cover subject '${spec.cover.subject}'`;
    if (CONTROL.test(spec.cover.blurb) || spec.cover.blurb !== spec.cover.blurb.trim()) return 'cover blurb';
  }
  const state = new Map<string, string | undefined>();
  const paths = new Set<string>();
  for (const commit of spec.commits) {
    if (commit.kind !== 'edits') return `user patch ${commit.file}`;
    const author = identityBlocker(commit.author);
    if (author) return author;
    if (!subjectOk(commit.subject)) return `subject '${commit.subject}'`;
    if (CONTROL.test(commit.body)) return `message body of '${commit.subject}'`;
    const seen = new Set<string>();
    let changes = false;
    for (const edit of commit.edits) {
      if (seen.has(edit.path)) return `${edit.path} edited twice in one patch`;
      seen.add(edit.path);
      if (!pathOk(edit.path)) return `path ${edit.path}`;
      if ([edit.before, edit.after].some((t) => t !== undefined && (t.includes('\0') || /\p{Cs}/u.test(t)))) return `content of ${edit.path}`;
      if (edit.before === undefined && edit.after === '') return `new empty file ${edit.path}`;
      const now = state.has(edit.path) ? state.get(edit.path) : edit.before;
      if (now !== edit.before) return `${edit.path} does not follow the previous patch`;
      state.set(edit.path, edit.after);
      paths.add(edit.path);
      changes ||= edit.before !== edit.after;
    }
    if (!changes) return `'${commit.subject}' changes nothing`;
  }
  const conflict = [...paths].find((p) => [...paths].some((q) => q.startsWith(`${p}/`)));
  return conflict === undefined ? undefined : `${conflict} is both a file and a directory`;
}

function identityBlocker(id: Identity): string | undefined {
  if (!NAME.test(id.name) || !EMAIL.test(id.email)) return `identity '${id.name} <${id.email}>'`;
  if (`From: ${id.name} <${id.email}>`.length > 78) return `identity '${id.name} <${id.email}>' is too long for one From: line`;
  return parseGitDate(id.date) ? undefined : `date '${id.date}'`;
}

function subjectOk(subject: string): boolean {
  return SUBJECT.test(subject) && !subject.includes('=?') && !subject.startsWith('[PATCH');
}

function pathOk(path: string): boolean {
  return path.split('/').every((c) => COMPONENT.test(c) && c !== '.' && c !== '..' && !c.toLowerCase().startsWith('.git') && c.toLowerCase() !== '.mailmap');
}
