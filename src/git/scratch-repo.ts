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
import { encodeText } from '../io/byte-text.js';
import { DiagnosticError } from '../model/diagnostics.js';
import { git } from './git-runner.js';
import { listPaths, spliceTree, type GitRun, type TreeEntry } from './tree-splice.js';

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
   * to; without it (a plain diff) the repository starts empty.  Nothing is
   * read into an index: trees are made by tree-splice.ts.
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
    }
    return new ScratchRepo(dir, head);
  }

  run(args: readonly string[], input?: string, env?: Record<string, string>): string {
    return git(args, { cwd: this.dir, ...(input === undefined ? {} : { input }), ...(env ? { env } : {}) });
  }

  /** The tree of the kernel tree's HEAD, when it is a git repository. */
  headTree(): string | undefined {
    return this.treeHead === undefined ? undefined : this.run(['rev-parse', `${this.treeHead}^{tree}`]).trim();
  }

  /** The entries of `paths` in `tree`. */
  entries(tree: string | undefined, paths: readonly string[]): Map<string, TreeEntry> {
    return listPaths(this.gitRun, tree, paths);
  }

  /** Write each text as a blob (one git call for all); returns their ids. */
  hashTexts(texts: readonly string[]): string[] {
    if (texts.length === 0) return [];
    const files = texts.map((text, i) => {
      const file = join(this.dir, '.git', `syswire-blob-${i}`);
      writeFileSync(file, encodeText(text));
      return file;
    });
    return this.run(['hash-object', '-w', '--', ...files]).trim().split('\n');
  }

  /**
   * A tree holding just `files` (mode 100644 unless given), built on a
   * temporary index: a synthetic base, or the two sides of a plain diff.
   */
  treeOf(files: readonly { path: string; text: string; mode?: string }[]): string {
    const blobs = this.hashTexts(files.map((f) => f.text));
    const env = this.freshIndex();
    this.run(['update-index', '--add', '-z', '--index-info'], files.map((f, i) => `${f.mode ?? '100644'} ${blobs[i]}\t${f.path}\0`).join(''), env);
    return this.run(['write-tree'], undefined, env).trim();
  }

  /**
   * `tree` with new blobs for `files` (a file keeps its mode; new ones get
   * 100644).  Each file's blob in `tree` before the change is returned
   * too (undefined for a new file), for callers that must check it.
   */
  withBlobs(tree: string, files: readonly { path: string; oid: string }[]): { tree: string; before: Map<string, string | undefined> } {
    const spliced = spliceTree(this.gitRun, tree, new Map(files.map((f) => [f.path, { oid: f.oid }])));
    return { tree: spliced.tree, before: new Map(files.map((f) => [f.path, spliced.replaced.get(f.path)?.oid])) };
  }

  /**
   * `tree` with a patch applied by `git apply --cached`, on an index that
   * holds only the files the patch touches; returns the new tree.  A patch
   * that does not apply throws git's error.
   */
  withPatch(tree: string | undefined, patchFile: string): string {
    const paths = this.patchPaths(patchFile);
    const env = this.freshIndex();
    const present = this.entries(tree, paths);
    this.run(['update-index', '-z', '--index-info'], [...present].map(([p, e]) => `${e.mode} ${e.oid}\t${p}\0`).join(''), env);
    this.run(['apply', '--cached', patchFile], undefined, env);
    const after = new Map<string, { mode: string; oid: string } | null>(paths.map((p) => [p, null]));
    for (const record of this.run(['ls-files', '-s', '-z'], undefined, env).split('\0')) {
      const m = /^(\d+) ([0-9a-f]+) \d\t([^]*)$/.exec(record);
      if (m) after.set(m[3]!, { mode: m[1]!, oid: m[2]! });
    }
    return spliceTree(this.gitRun, tree, after).tree;
  }

  /** The files a patch touches (`git apply --numstat`), both sides of a rename. */
  patchPaths(patchFile: string): string[] {
    return this.run(['apply', '--numstat', '-z', patchFile])
      .split('\0')
      .flatMap((r) => {
        const path = r.includes('\t') ? r.split('\t')[2]! : r;
        return path === '' ? [] : [path];
      });
  }

  /** Commit `tree` on `parent` (or as a root commit); returns the commit id. */
  commit(tree: string, message: string, parent: string | undefined, author: Identity, committer: Identity): string {
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

  /** The environment of a git call on a new, empty temporary index. */
  private freshIndex(): Record<string, string> {
    const env = { GIT_INDEX_FILE: join(this.dir, '.git', 'syswire-index') };
    rmSync(env.GIT_INDEX_FILE, { force: true });
    return env;
  }

  private readonly gitRun: GitRun = (args, input) => this.run(args, input);

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
