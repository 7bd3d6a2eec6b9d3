/**
 * Decide how a definition's wire-up becomes a series of patches (pure).
 *
 * - `split: single` (the default, as in the v2 posting): one patch.
 * - `split: core-then-arch`: the uapi/core patch (everything outside
 *   arch/, scripts/syscall.tbl included: it is the generic table), then the
 *   arch wire-up (every arch/ file).
 * - `split: per-document` (Documentation/process/adding-syscalls.rst): the
 *   core, the x86 wire-up (arch/x86/: i386, x86_64 and x32), the other
 *   arches.
 * - the selftest (posting/selftest.ts), when there is one, follows the
 *   wire-up as its own patch whatever the split, as the document asks.
 * - `patches:` user-written mails (the implementation, say) go before or
 *   after the generated patches, in the order listed.
 *
 * Each generated patch carries the changelog ("Changes since vN-1") after
 * its `---` line; the cover letter carries the body, the changelog and the
 * link to the previous version.
 */
import type { SeriesDef } from '../model/defs-schema.js';
import type { FileEdit } from './file-edit.js';
import type { PlannedCall } from './numbering.js';
import { renderTemplate } from '../render/engine.js';
import { wrapWords } from '../render/helpers.js';
import type { CommitSpec } from '../patch/format-patch.js';
import { parseIdent, type Identity } from '../git/scratch-repo.js';

/**
 * The date of a plan whose caller pins none (unit tests of this pure
 * module).  `syswire series` always passes one: --date, the definition's
 * or the clock (series-output.ts).
 */
export const DEFAULT_DATE = 'Thu, 1 Jan 1970 00:00:00 +0000';

/** A user-written patch, already read: `file` as given in the definition. */
export interface UserPatch {
  file: string;
  text: string;
  position: 'before' | 'after';
}

/** What a posting carries beyond the wire-up (posting/). */
export interface PostingParts {
  /** The selftest's files and the TARGETS edit. */
  selftest?: readonly FileEdit[];
  /** Rendered man pages (plain text) for the cover letter. */
  manText?: readonly string[];
}

export interface SeriesPlan {
  commits: CommitSpec[];
  cover?: { subject: string; blurb: string };
  subjectPrefix: string;
  author: Identity;
}

export function planSeries(series: SeriesDef, calls: readonly PlannedCall[], edits: readonly FileEdit[], userPatches: readonly UserPatch[] = [], posting: PostingParts = {}): SeriesPlan {
  const author = parseIdent(series.author, series.date ?? DEFAULT_DATE);
  const changelog = renderChangelog(series);
  const signoffs = series.signed_off_by.map((s) => `Signed-off-by: ${s}`).join('\n');
  const message = (body: string) => [body.trimEnd(), signoffs].filter((p) => p !== '').join('\n\n');
  const generated = (subject: string, body: string, part: readonly FileEdit[]): CommitSpec => ({ kind: 'edits', edits: part, subject, body: message(body), author, changelog });

  const names = calls.map((c) => c.def.name);
  const plural = names.length > 1 ? 's' : '';
  const otherArches = series.arch_patch ?? {
    subject: shortSubject(`arch: Wire up ${joinNames(names)} system call${plural}`, `arch: Wire up the ${series.name} system call${plural}`),
    body: paragraph(`Add ${joinNames(names)} to the system call table of every architecture${series.split === 'per-document' ? ' but x86' : ''}.`),
  };
  const core = edits.filter((e) => !e.path.startsWith('arch/'));
  const x86 = edits.filter((e) => e.path.startsWith('arch/x86/'));
  const arch = edits.filter((e) => e.path.startsWith('arch/'));
  const ours: CommitSpec[] = [];
  if (series.split === 'per-document' && core.length > 0) {
    const rest = arch.filter((e) => !x86.includes(e));
    ours.push(generated(series.subject, series.body, core));
    if (x86.length > 0) ours.push(generated(shortSubject(`x86: Wire up ${joinNames(names)} system call${plural}`, `x86: Wire up the ${series.name} system call${plural}`), paragraph(`Add ${joinNames(names)} to the x86 system call tables: syscall_32.tbl for i386, and syscall_64.tbl for x86_64 and x32.`), x86));
    if (rest.length > 0) ours.push(generated(otherArches.subject, otherArches.body, rest));
  } else if (series.split === 'core-then-arch' && core.length > 0 && arch.length > 0) {
    ours.push(generated(series.subject, series.body, core), generated(otherArches.subject, otherArches.body, arch));
  } else if (edits.length > 0) {
    ours.push(generated(series.subject, series.body, edits));
  }
  if (ours.length > 0 && posting.selftest && posting.selftest.length > 0) {
    const called = joinNames(names.map((n) => `${n}()`));
    ours.push(
      generated(
        shortSubject(`selftests/${series.name}: Add tests for ${called}`, `selftests/${series.name}: Add tests for the new system call${plural}`),
        paragraph(`Test the argument contract of ${called}: struct sizes, flag bits and bad pointers give the errors the calls define. The tests skip when the running kernel does not have the calls.`),
        posting.selftest,
      ),
    );
  }
  const user = (position: UserPatch['position']) => userPatches.filter((p) => p.position === position).map((p): CommitSpec => ({ kind: 'mbox', file: p.file, text: p.text, changelog: '' }));
  const commits = [...user('before'), ...ours, ...user('after')];

  // The rendered man pages travel in the cover letter (adding-syscalls.rst), so they ask for one.
  const wantCover = series.cover_letter === 'always' || (series.cover_letter === 'auto' && (commits.length > 1 || (posting.manText ?? []).length > 0));
  const plan: SeriesPlan = { commits, subjectPrefix: series.rfc ? 'RFC PATCH' : 'PATCH', author };
  if (wantCover) plan.cover = coverLetterText(series, posting.manText);
  return plan;
}

/** The line above and below each rendered man page in the cover letter. */
export const MAN_RULE = '='.repeat(72);

/** The cover letter's subject and blurb: the body, the rendered man pages, then the changelog with the link. */
export function coverLetterText(series: Pick<SeriesDef, 'subject' | 'body' | 'version' | 'changes' | 'previous'>, manText: readonly string[] = []): { subject: string; blurb: string } {
  // Rules of `=`: a line starting with `---` ends a commit message for git am and checkpatch.
  const pages = manText.map((t) => `${MAN_RULE}\n${t.trimEnd()}\n${MAN_RULE}`);
  return { subject: series.subject, blurb: [series.body.trim(), ...pages, renderChangelog(series).trim()].filter((p) => p !== '').join('\n\n') };
}

/**
 * The changelog: one block per version from this one down to v2, newest
 * first, each "Changes since v<N-1>:" (the newest with the link to the
 * previous posting) and its items, blank lines between, as in the v2
 * posting.  Empty when there is nothing to say.
 */
export function renderChangelog(series: Pick<SeriesDef, 'version' | 'changes' | 'previous'>): string {
  const versions = [];
  for (let v = series.version; v >= 2; v--) {
    const items = series.changes[String(v)] ?? [];
    const link = v === series.version ? (series.previous ?? '') : '';
    if (items.length > 0 || link !== '') versions.push({ since: v - 1, link, items });
  }
  return versions.length === 0 ? '' : `\n${renderTemplate('changelog.txt.hbs', { versions })}`;
}

/**
 * A generated subject short enough that `[PATCH vN M/T] ` and it fit one
 * 78-column header line: git folds longer ones, and b4 0.12 (Debian
 * bookworm) stops on a folded Subject with "Header values may not contain
 * linefeed".  The long form names the calls; the short one the series.
 */
function shortSubject(long: string, short: string): string {
  return long.length <= 52 ? long : short;
}

/** A commit message paragraph wrapped at 72 columns (checkpatch wants at most 75). */
function paragraph(text: string): string {
  return `${wrapWords(text, 72).join('\n')}\n`;
}

/** `a`, `a and b`, `a, b and c`. */
function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
