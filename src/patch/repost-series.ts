/**
 * Re-post an existing series with new diffs: every mail keeps its author,
 * date, subject, message and changelog, the cover letter keeps its subject
 * and blurb, the series keeps its subject prefix, version and blob id
 * abbreviation; git writes everything else again (diffstat, shortlog,
 * `index` lines, hunks, base-commit).
 */
import type { FileEdit } from '../plan/file-edit.js';
import { formatSeries, type PatchFile } from './format-patch.js';
import type { Mail } from './mail-reader.js';

export interface RepostInput {
  mails: readonly Mail[];
  /** The old cover letter, if the series had one. */
  cover: Mail | undefined;
  /** New edits of each mail, in order. */
  edits: readonly (readonly FileEdit[])[];
  treeRoot: string;
  readBase: (path: string) => string | undefined;
}

export function repostSeries(input: RepostInput): PatchFile[] {
  const first = input.mails[0];
  if (!first) return [];
  const commits = input.mails.map((mail, i) => ({ kind: 'edits' as const, edits: input.edits[i]!, subject: mail.subject, body: mail.message, author: mail.author, changelog: mail.changelog }));
  return formatSeries({
    commits,
    version: first.version,
    subjectPrefix: first.prefix,
    abbrev: first.abbrev ?? 12,
    committer: input.cover?.author ?? first.author,
    ...(input.cover ? { cover: { subject: input.cover.subject, blurb: coverBlurb(input.cover.message) } } : {}),
    treeRoot: input.treeRoot,
    readBase: input.readBase,
  });
}

/** A cover letter's blurb: its message up to the shortlog (`Name (N):`). */
export function coverBlurb(message: string): string {
  const lines = message.split('\n');
  const end = lines.findIndex((l) => /^\S.* \(\d+\):$/.test(l));
  return lines
    .slice(0, end < 0 ? lines.length : end)
    .join('\n')
    .trim();
}
