/**
 * A scratch git repository for building a patch series with real git.
 *
 * When the kernel tree is itself a git repository (its top level, not a
 * directory inside some other repository), the scratch repository borrows
 * its objects through `objects/info/alternates` and starts from the tree's
 * HEAD: the commits syswire builds are then the very commits `git am` makes
 * on that HEAD, so their ids, the `From <sha>` lines and `base-commit:` are
 * real.  Otherwise the base is a synthetic commit holding only the files the
 * series touches (enough for `index` lines and diffs).  A plain diff needs
 * no base at all (tree-diff.ts).
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { DiagnosticError } from '../model/diagnostics.js';
import { git } from './git-runner.js';

/** Who and when, as `git commit-tree` takes them. */
export interface Identity {
  name: string;
  email: string;
  /** RFC 2822 or `@<epoch> <tz>`. */
  date: string;
}

export class ScratchRepo {
  readonly dir: string;
  /** The tree's HEAD when the tree is a git repository. */
  readonly treeHead: string | undefined;
  private constructor(dir: string, treeHead: string | undefined) {
    this.dir = dir;
    this.treeHead = treeHead;
  }

  /**
   * Create the repository.  `treeRoot` is the kernel tree a series applies
   * to; without it (a plain diff) the repository starts empty.
   */
  static create(treeRoot?: string): ScratchRepo {
    const dir = mkdtempSync(join(tmpdir(), 'syswire-git-'));
    git(['init', '-q'], { cwd: dir });
    const head = treeRoot === undefined ? undefined : gitHead(treeRoot);
    if (head !== undefined && treeRoot !== undefined) {
      let objects = git(['rev-parse', '--git-path', 'objects'], { cwd: treeRoot }).trim();
      if (!isAbsolute(objects)) objects = join(treeRoot, objects);
      mkdirSync(join(dir, '.git/objects/info'), { recursive: true });
      writeFileSync(join(dir, '.git/objects/info/alternates'), `${objects}\n`);
      git(['read-tree', head], { cwd: dir });
    }
    return new ScratchRepo(dir, head);
  }

  run(args: readonly string[], input?: string, env?: Record<string, string>): string {
    return git(args, { cwd: this.dir, ...(input === undefined ? {} : { input }), ...(env ? { env } : {}) });
  }

  /** Blob id and mode of each of `paths` that is in the index. */
  entries(paths: readonly string[]): Map<string, { blob: string; mode: string }> {
    const found = new Map<string, { blob: string; mode: string }>();
    if (paths.length === 0) return found;
    for (const line of this.run(['ls-files', '-s', '--', ...paths]).split('\n')) {
      const m = /^(\d+) ([0-9a-f]+) \d\t(.*)$/.exec(line);
      if (m) found.set(m[3]!, { mode: m[1]!, blob: m[2]! });
    }
    return found;
  }

  /** Write each text as a blob (one git call for all); returns their ids. */
  hashTexts(texts: readonly string[]): string[] {
    if (texts.length === 0) return [];
    const files = texts.map((text, i) => {
      const file = join(this.dir, '.git', `syswire-blob-${i}`);
      writeFileSync(file, text);
      return file;
    });
    return this.run(['hash-object', '-w', '--', ...files]).trim().split('\n');
  }

  /** Stage new contents (new files get mode 100644). */
  stage(files: readonly { path: string; text: string }[]): void {
    if (files.length === 0) return;
    const known = this.entries(files.map((f) => f.path));
    const blobs = this.hashTexts(files.map((f) => f.text));
    const info = files.map((f, i) => `${known.get(f.path)?.mode ?? '100644'} ${blobs[i]}\t${f.path}\n`).join('');
    this.run(['update-index', '--add', '--index-info'], info);
  }

  /** The index as a tree object; returns its id. */
  writeTree(): string {
    return this.run(['write-tree']).trim();
  }

  /** Commit the index on `parent` (or as a root commit); returns the commit id. */
  commit(message: string, parent: string | undefined, author: Identity, committer: Identity): string {
    const tree = this.writeTree();
    const env = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: author.date,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      GIT_COMMITTER_DATE: committer.date,
    };
    try {
      return this.run(['commit-tree', tree, ...(parent ? ['-p', parent] : [])], message, env).trim();
    } catch (err) {
      const why = ((err as { stderr?: string }).stderr ?? String(err)).trim().split('\n')[0];
      throw new DiagnosticError([{ file: `${author.name} <${author.email}>`, line: 0, col: 0, severity: 'error', message: `git cannot commit with date '${author.date}': ${why}` }]);
    }
  }

  /** Normalise a message the way `git commit` and `git am` store it. */
  stripspace(message: string): string {
    return this.run(['stripspace'], message);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** HEAD of `root` when `root` is the top level of a git work tree. */
export function gitHead(root: string): string | undefined {
  try {
    const top = git(['rev-parse', '--show-toplevel'], { cwd: root }).trim();
    if (realpathSync(top) !== realpathSync(root)) return undefined;
    return git(['rev-parse', '--verify', 'HEAD^{commit}'], { cwd: root }).trim();
  } catch {
    return undefined;
  }
}

/** `Name <email>` -> parts. */
export function parseIdent(ident: string, date: string): Identity {
  const m = /^(.*\S)\s*<([^<>\s]+)>$/.exec(ident.trim());
  if (!m) throw new DiagnosticError([{ file: ident, line: 0, col: 0, severity: 'error', message: "identity must read 'Name <email>'" }]);
  return { name: m[1]!, email: m[2]!, date };
}
