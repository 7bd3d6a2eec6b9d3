/**
 * Decide how a definition's wire-up becomes a series of patches (pure).
 *
 * - `split: single` (the default, as in the v2 posting): one patch.
 * - `split: core-then-arch`: the uapi/core patch (everything outside
 *   arch/, scripts/syscall.tbl included: it is the generic table), then the
 *   arch wire-up (every arch/ file).
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
import type { CommitSpec } from '../patch/format-patch.js';
import { parseIdent, type Identity } from '../git/scratch-repo.js';

/** The date used when the definition gives none: fixed, never the clock. */
export const DEFAULT_DATE = 'Thu, 1 Jan 1970 00:00:00 +0000';

/** A user-written patch, already read: `file` as given in the definition. */
export interface UserPatch {
  file: string;
  text: string;
  position: 'before' | 'after';
}

export interface SeriesPlan {
  commits: CommitSpec[];
  cover?: { subject: string; blurb: string };
  subjectPrefix: string;
  author: Identity;
}

export function planSeries(series: SeriesDef, calls: readonly PlannedCall[], edits: readonly FileEdit[], userPatches: readonly UserPatch[] = []): SeriesPlan {
  const author = parseIdent(series.author, series.date ?? DEFAULT_DATE);
  const changelog = renderChangelog(series);
  const signoffs = series.signed_off_by.map((s) => `Signed-off-by: ${s}`).join('\n');
  const message = (body: string) => [body.trimEnd(), signoffs].filter((p) => p !== '').join('\n\n');
  const generated = (subject: string, body: string, part: readonly FileEdit[]): CommitSpec => ({ kind: 'edits', edits: part, subject, body: message(body), author, changelog });

  const core = edits.filter((e) => !e.path.startsWith('arch/'));
  const arch = edits.filter((e) => e.path.startsWith('arch/'));
  const ours: CommitSpec[] = [];
  if (series.split === 'core-then-arch' && core.length > 0 && arch.length > 0) {
    const names = calls.map((c) => c.def.name);
    const archPatch = series.arch_patch ?? {
      subject: `arch: Wire up ${joinNames(names)} system call${names.length > 1 ? 's' : ''}`,
      body: `Add ${joinNames(names)} to the system call table of every architecture.\n`,
    };
    ours.push(generated(series.subject, series.body, core), generated(archPatch.subject, archPatch.body, arch));
  } else if (edits.length > 0) {
    ours.push(generated(series.subject, series.body, edits));
  }
  const user = (position: UserPatch['position']) => userPatches.filter((p) => p.position === position).map((p): CommitSpec => ({ kind: 'mbox', file: p.file, text: p.text, changelog: '' }));
  const commits = [...user('before'), ...ours, ...user('after')];

  const wantCover = series.cover_letter === 'always' || (series.cover_letter === 'auto' && commits.length > 1);
  const plan: SeriesPlan = { commits, subjectPrefix: series.rfc ? 'RFC PATCH' : 'PATCH', author };
  if (wantCover) plan.cover = coverLetterText(series);
  return plan;
}

/** The cover letter's subject and blurb: the body, then the changelog with the link. */
export function coverLetterText(series: Pick<SeriesDef, 'subject' | 'body' | 'version' | 'changes' | 'previous'>): { subject: string; blurb: string } {
  return { subject: series.subject, blurb: [series.body.trim(), renderChangelog(series).trim()].filter((p) => p !== '').join('\n\n') };
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

/** `a`, `a and b`, `a, b and c`. */
function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
