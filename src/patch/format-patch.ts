/**
 * Build a patch series with real git: commit each patch in a scratch
 * repository (see scratch-repo.ts), then let `git format-patch` write the
 * mails.  Two things git cannot take from commits are added afterwards:
 *
 * - each patch's changelog goes between its `---` line and the diffstat,
 *   where `git am` ignores it (as authors write it by hand);
 * - the cover letter's subject and blurb come from the branch description
 *   (`--cover-from-description=subject`), which is real git too.
 *
 * Output is deterministic: the committer is the series author at the
 * patch's own date (what `git am --committer-date-is-author-date` records),
 * there is no signature, and no configuration is read.  Every tree takes
 * this path; a plain tree (no `.git`) gets a synthetic base commit holding
 * only the files the series touches.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileEdit } from '../plan/file-edit.js';
import { decodeBytes, encodeText } from '../io/byte-text.js';
import { DiagnosticError } from '../model/diagnostics.js';
import { readMail } from './mail-reader.js';
import { ScratchRepo, type Identity } from '../git/scratch-repo.js';

/** One patch of the series: generated edits, or a user-written mail. */
export type CommitSpec =
  | { kind: 'edits'; edits: readonly FileEdit[]; subject: string; body: string; author: Identity; changelog: string }
  | { kind: 'mbox'; file: string; text: string; changelog: string };

export interface SeriesSpec {
  commits: readonly CommitSpec[];
  version: number;
  /** `PATCH` or `RFC PATCH`. */
  subjectPrefix: string;
  abbrev: number;
  /** Committer of every commit and author of the cover letter. */
  committer: Identity;
  /** Cover letter text; undefined for no cover letter. */
  cover?: { subject: string; blurb: string };
  /** Root of the tree the series applies to. */
  treeRoot: string;
  /** Original content of a tree file (for the synthetic base). */
  readBase: (path: string) => string | undefined;
  /** `--thread=shallow`: Message-Id on every mail, each patch In-Reply-To the first mail. */
  thread?: boolean;
}

export interface PatchFile {
  path: string;
  content: string;
}

/** The series as real git writes it (scratch repository, `git format-patch`). */
export function formatSeries(spec: SeriesSpec): PatchFile[] {
  const repo = ScratchRepo.create(spec.treeRoot);
  try {
    const base = repo.treeHead === undefined ? synthesizeBase(repo, spec) : { commit: repo.treeHead, tree: repo.headTree()! };
    let tip = base;
    for (const commit of spec.commits) tip = commitOne(repo, commit, tip, spec.committer);
    repo.run(['update-ref', 'refs/heads/series', tip.commit]);
    repo.run(['symbolic-ref', 'HEAD', 'refs/heads/series']);
    const args = ['format-patch', '-q', '-o', 'out', `--abbrev=${spec.abbrev}`, ...rerollCount(spec.version), `--subject-prefix=${spec.subjectPrefix}`, '--no-signature'];
    if (spec.cover) {
      repo.run(['config', 'branch.series.description', `${spec.cover.subject}\n\n${spec.cover.blurb}`]);
      args.push('--cover-letter', '--cover-from-description=subject');
    }
    if (repo.treeHead) args.push(`--base=${base.commit}`);
    if (spec.thread) args.push('--thread=shallow');
    repo.run([...args, `${base.commit}..series`], undefined, committerEnv(spec.committer));
    const names = readdirSync(join(repo.dir, 'out')).sort();
    return withChangelogs(
      names.map((name) => ({ path: name, content: decodeBytes(readFileSync(join(repo.dir, 'out', name))) })),
      spec,
    );
  } finally {
    repo.dispose();
  }
}

/** Each patch (cover letter aside, in order) with its commit's changelog. */
function withChangelogs(files: readonly PatchFile[], spec: SeriesSpec): PatchFile[] {
  const patches = files.filter((f) => !isCoverLetter(f.path));
  return files.map((f) => {
    const i = patches.indexOf(f);
    return i < 0 ? f : { path: f.path, content: insertChangelog(f.content, spec.commits[i]!.changelog) };
  });
}

/** A first posting is `[PATCH]` and `0001-*.patch`, as the kernel writes it; later ones `-vN`. */
export function rerollCount(version: number): string[] {
  return version > 1 ? [`-v${version}`] : [];
}

/** `vN-0000-cover-letter.patch` or, for a first posting, `0000-cover-letter.patch`. */
export function isCoverLetter(name: string): boolean {
  return /(^|-)0000-cover-letter\.patch$/.test(name);
}

/** Put `changelog` right after the first `---` line (before the diffstat). */
export function insertChangelog(mail: string, changelog: string): string {
  if (changelog === '') return mail;
  const at = mail.indexOf('\n---\n');
  if (at < 0) return mail;
  const text = `${mail.slice(0, at + 5)}${changelog}${mail.slice(at + 5)}`;
  return /[^\x00-\x7f]/.test(changelog) ? declareUtf8(text) : text;
}

/**
 * git writes the MIME headers only when the commit message is not ASCII;
 * a changelog added afterwards (`Thomas Weißschuh`) needs them too, or the
 * mail carries UTF-8 without saying so.  The lines are git's own.
 */
function declareUtf8(mail: string): string {
  const end = mail.indexOf('\n\n');
  if (end < 0 || /^Content-Type:/im.test(mail.slice(0, end))) return mail;
  return `${mail.slice(0, end)}\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit${mail.slice(end)}`;
}

function committerEnv(c: Identity): Record<string, string> {
  return { GIT_COMMITTER_NAME: c.name, GIT_COMMITTER_EMAIL: c.email, GIT_COMMITTER_DATE: c.date };
}

/** Where the series stands: a commit and its tree. */
interface Tip {
  commit: string;
  tree: string;
}

/** A root commit with the original content of every file the series touches. */
function synthesizeBase(repo: ScratchRepo, spec: SeriesSpec): Tip {
  const base = new Map<string, { text: string | undefined; mode?: string }>();
  for (const commit of spec.commits) {
    if (commit.kind === 'edits') for (const e of commit.edits) if (!base.has(e.path)) base.set(e.path, { text: e.before, ...(e.mode ? { mode: e.mode } : {}) });
    if (commit.kind === 'mbox') for (const path of repo.patchPaths(writeMailPatch(repo, commit))) if (!base.has(path)) base.set(path, { text: spec.readBase(path) });
  }
  const tree = repo.treeOf([...base].flatMap(([path, { text, mode }]) => (text === undefined ? [] : [{ path, text, ...(mode ? { mode } : {}) }])));
  const epoch = { ...spec.committer, date: '@0 +0000' };
  return { tree, commit: repo.commit(tree, 'base\n', undefined, epoch, epoch) };
}

function commitOne(repo: ScratchRepo, commit: CommitSpec, parent: Tip, committer: Identity): Tip {
  if (commit.kind === 'edits') {
    // The new blobs and, to check what the edits start from, the old ones: one hash-object.
    const n = commit.edits.length;
    const oids = repo.hashTexts([...commit.edits.map((e) => e.after), ...commit.edits.map((e) => e.before ?? '')]);
    const { tree, before } = repo.withBlobs(parent.tree, commit.edits.map((e, i) => ({ path: e.path, oid: oids[i]! })));
    for (const [i, edit] of commit.edits.entries()) {
      if (before.get(edit.path) !== (edit.before === undefined ? undefined : oids[n + i])) fail(edit.path, 'changed by an earlier patch of the series (or differs from the tree HEAD); syswire edits cannot follow it');
    }
    const message = repo.stripspace(`${commit.subject}\n\n${commit.body}`);
    return { tree, commit: repo.commit(tree, message, parent.commit, commit.author, { ...committer, date: commit.author.date }) };
  }
  const mail = readMail(commit.file, commit.text);
  let tree: string;
  try {
    tree = repo.withPatch(parent.tree, writeMailPatch(repo, commit));
  } catch (err) {
    fail(commit.file, `does not apply: ${firstLine((err as { stderr?: string }).stderr ?? String(err))}`);
  }
  const message = repo.stripspace(`${mail.subject}\n\n${mail.message}`);
  return { tree, commit: repo.commit(tree, message, parent.commit, mail.author, { ...committer, date: mail.author.date }) };
}

/** The diff of a user-written mail, in a file of the scratch repository; returns its path. */
function writeMailPatch(repo: ScratchRepo, commit: { file: string; text: string }): string {
  const file = join(repo.dir, '.git/mail-patch');
  writeFileSync(file, encodeText(readMail(commit.file, commit.text).patch));
  return file;
}

function fail(file: string, message: string): never {
  throw new DiagnosticError([{ file, line: 0, col: 0, severity: 'error', message }]);
}

/** git's first `error:` line (warnings come first at times), else its first line. */
function firstLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines.find((l) => l.startsWith('error: ')) ?? lines[0] ?? '';
}
