/**
 * Write the series in process: the same commits format-patch.ts would
 * make with git, hashed here (git-objects.ts), and the mails git
 * format-patch would write from them (mail-writer.ts,
 * cover-letter-writer.ts).  Only for the subset in-process-gate.ts
 * admits; changelogs are inserted by the caller, as for the git path.
 *
 * The commits, as format-patch.ts makes them in its scratch repository:
 *
 * - base: a root commit holding the original content of every file the
 *   series touches (mode 100644), author and committer the series
 *   committer at `@0 +0000`, message `base\n`;
 * - one commit per patch on top: the author's identity and date, the
 *   committer's identity at the author's date, the message `git
 *   stripspace` makes of `<subject>\n\n<body>`.
 *
 * `index` lines are abbreviated against every object that repository
 * holds when git format-patch runs (blobs, all trees, commits, and the
 * empty blob git writes when it hashes a new file's missing `before`).
 */
import type { FileEdit } from '../plan/file-edit.js';
import type { PatchFile, SeriesSpec } from './format-patch.js';
import { writeCoverLetter } from './cover-letter-writer.js';
import { readDiffSections, withIndexIds } from './diff-section-reader.js';
import { writeDiffstat, type FileStat } from './diffstat-writer.js';
import { parseGitDate, type GitDate } from './git-date-parser.js';
import { abbreviateId, hashBlob as hashBlobOnce, hashCommit, hashTrees, NULL_OID, type Signature } from './git-objects.js';
import { patchFileName, splitMessage, writePatchMail, type MailNumber } from './mail-writer.js';
import type { Identity } from './scratch-repo.js';
import { stripspace } from './stripspace.js';

/** A git-style diff of file edits (unified-diff.ts), blob ids from `hash`; any `index` abbreviation. */
export type DiffWriter = (edits: readonly FileEdit[], hash: (text: string) => string) => string;

interface BuiltCommit {
  id: string;
  message: string;
  author: Signature;
  edits: readonly FileEdit[];
  /** Blob ids before/after of each path the patch touches. */
  blobs: Map<string, { before: string; after: string }>;
}

export function writeSeriesInProcess(spec: SeriesSpec, diff: DiffWriter): PatchFile[] {
  // Each text is hashed once: the base tree, the commits and the diffs' index lines all ask.
  const ids = new Map<string, string>();
  const hashBlob = (text: string) => ids.get(text) ?? ids.set(text, hashBlobOnce(text)).get(text)!;
  const objects = new Set<string>();
  const base = new Map<string, string | undefined>();
  for (const commit of spec.commits) if (commit.kind === 'edits') for (const e of commit.edits) if (!base.has(e.path)) base.set(e.path, e.before);
  const tree = new Map<string, string>();
  for (const [path, text] of base) if (text !== undefined) tree.set(path, addObject(objects, hashBlob(text)));
  const epoch = signature(spec.committer, { epoch: 0, tz: 0 });
  let parent = addObject(objects, hashCommit({ tree: hashTrees(tree, objects), author: epoch, committer: epoch, message: 'base\n' }));

  const built: BuiltCommit[] = [];
  const final = new Map(base);
  for (const commit of spec.commits) {
    if (commit.kind !== 'edits') throw new Error('series-writer: user patches need git');
    const blobs = new Map<string, { before: string; after: string }>();
    for (const edit of commit.edits) {
      const before = edit.before === undefined ? NULL_OID : hashBlob(edit.before);
      if (edit.before === undefined) objects.add(hashBlob(''));
      const after = addObject(objects, hashBlob(edit.after));
      blobs.set(edit.path, { before, after });
      tree.set(edit.path, after);
      final.set(edit.path, edit.after);
    }
    const author = signature(commit.author, date(commit.author.date));
    const message = stripspace(`${commit.subject}\n\n${commit.body}`);
    const committer = signature(spec.committer, author.date);
    parent = addObject(objects, hashCommit({ tree: hashTrees(tree, objects), parent, author, committer, message }));
    built.push({ id: parent, message, author, edits: commit.edits, blobs });
  }

  const abbrev = (id: string) => abbreviateId(id, spec.abbrev, objects);
  const numbered = built.length > 1 || spec.cover !== undefined;
  const at = (nr: number): MailNumber => ({ subjectPrefix: spec.subjectPrefix, version: spec.version, nr, total: numbered ? built.length : 0 });
  const stats = new Map<string, FileStat[]>();
  const patches = built.map((commit, i): PatchFile => {
    const sections = readDiffSections(diff(commit.edits, hashBlob));
    const text = sections
      .map((s) => {
        const ids = commit.blobs.get(s.path);
        if (!ids) throw new Error(`series-writer: the diff names ${s.path}, which the patch does not edit`);
        return withIndexIds(s, abbrev(ids.before), abbrev(ids.after));
      })
      .join('');
    const stat = sections.map(({ path, added, deleted, isNew }) => ({ path, added, deleted, isNew }));
    for (const s of stat) stats.set(s.path, [...(stats.get(s.path) ?? []), s]);
    const ident = { name: commit.author.name, email: commit.author.email, date: commit.author.date };
    const title = splitMessage(commit.message).title;
    return { path: patchFileName(spec.version, i + 1, title), content: writePatchMail(commit.id, ident, commit.message, at(i + 1), writeDiffstat(stat), text) };
  });
  if (!spec.cover) return patches;

  const wholeStat = [...final]
    .filter(([path, text]) => text !== base.get(path))
    .map(([path, text]): FileStat => {
      const once = stats.get(path);
      if (once && once.length === 1 && touchCount(built, path) === 1) return once[0]!;
      const [section] = readDiffSections(diff([{ path, before: base.get(path), after: text! }], hashBlob));
      return { path, added: section?.added ?? 0, deleted: section?.deleted ?? 0, isNew: base.get(path) === undefined };
    })
    .sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  const last = built[built.length - 1]!;
  const eightBit = built.some((c) => /[^\x00-\x7f]/.test(c.message));
  const shortlog = built.map((c) => ({ author: c.author.name, title: splitMessage(c.message).title }));
  const committer = { name: spec.committer.name, email: spec.committer.email, date: date(spec.committer.date) };
  const content = writeCoverLetter(last.id, committer, spec.cover, at(0), eightBit, shortlog, writeDiffstat(wholeStat));
  return [{ path: `${spec.version > 1 ? `v${spec.version}-` : ''}0000-cover-letter.patch`, content }, ...patches];
}

function addObject(objects: Set<string>, id: string): string {
  objects.add(id);
  return id;
}

function touchCount(commits: readonly BuiltCommit[], path: string): number {
  return commits.filter((c) => c.blobs.has(path)).length;
}

function signature(id: Identity, when: GitDate): Signature {
  return { name: id.name, email: id.email, date: when };
}

function date(text: string): GitDate {
  const parsed = parseGitDate(text);
  if (!parsed) throw new Error(`series-writer: date '${text}' needs git`);
  return parsed;
}
