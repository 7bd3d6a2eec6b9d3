/**
 * New tree objects for a few changed paths, without an index of the whole
 * tree.  A kernel tree has some 90,000 files; a wire-up changes about 21 of
 * them.  Only the directories on the changed paths need new tree objects,
 * so those directories are listed from the base tree (`git ls-tree -t`,
 * one call for all of them) and written again with the changes
 * (`git mktree --batch`, one call per depth, deepest first, since a parent
 * names its children's ids).  A directory left empty is dropped, as
 * `git write-tree` would drop it.
 */
export interface TreeEntry {
  /** `100644`, `100755`, `120000`, `040000`, ... */
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
}

/** Runs git in the scratch repository (args, stdin) and returns its stdout. */
export type GitRun = (args: readonly string[], input?: string) => string;

/**
 * path -> new blob entry, or null to delete the path.  Without a mode, a
 * file keeps the one it has (100644 when new).
 */
export type PathChanges = ReadonlyMap<string, { mode?: string; oid: string } | null>;

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The entries at `paths` in `tree` (absent paths are left out). */
export function listPaths(run: GitRun, tree: string | undefined, paths: readonly string[]): Map<string, TreeEntry> {
  const found = new Map<string, TreeEntry>();
  if (tree === undefined || paths.length === 0) return found;
  for (const record of run(['ls-tree', '-z', '-t', '--full-tree', tree, '--', ...paths]).split('\0')) {
    const m = /^(\d+) (blob|tree|commit) ([0-9a-f]+)\t([^]*)$/.exec(record);
    if (m) found.set(m[4]!, { mode: m[1]!, type: m[2] as TreeEntry['type'], oid: m[3]! });
  }
  return found;
}

/**
 * `tree` (undefined: the empty tree) with `changes` made; returns the new
 * tree's id and the entries the changed paths had before.
 */
export function spliceTree(run: GitRun, tree: string | undefined, changes: PathChanges): { tree: string; replaced: Map<string, TreeEntry> } {
  const dirs = new Set<string>(['']);
  for (const path of changes.keys()) for (let d = dirOf(path); d !== ''; d = dirOf(d)) dirs.add(d);
  // Each directory's current entries, by name.
  const listing = new Map<string, Map<string, TreeEntry>>([...dirs].map((d) => [d, new Map()]));
  const specs = [...dirs].map((d) => (d === '' ? '.' : `${d}/`));
  if (tree !== undefined) {
    for (const [path, entry] of listPaths(run, tree, specs)) listing.get(dirOf(path))?.set(baseName(path), entry);
  }
  const replaced = new Map<string, TreeEntry>();
  for (const [path, entry] of changes) {
    const names = listing.get(dirOf(path))!;
    const old = names.get(baseName(path));
    if (old) replaced.set(path, old);
    if (entry === null) names.delete(baseName(path));
    else names.set(baseName(path), { mode: entry.mode ?? (old?.type === 'blob' ? old.mode : '100644'), type: 'blob', oid: entry.oid });
  }
  // Deepest first; each level is one mktree run, whose ids its parents take.
  const depth = (d: string) => (d === '' ? 0 : d.split('/').length);
  const byDepth = [...dirs].sort((a, b) => depth(b) - depth(a) || (a < b ? -1 : 1));
  for (let level = depth(byDepth[0]!); level >= 0; level--) {
    const batch = byDepth.filter((d) => depth(d) === level);
    const ids = writeTrees(run, batch.map((d) => listing.get(d)!));
    batch.forEach((d, i) => {
      if (d === '') return;
      const parent = listing.get(dirOf(d))!;
      if (ids[i] === undefined) parent.delete(baseName(d));
      else parent.set(baseName(d), { mode: '040000', type: 'tree', oid: ids[i] });
    });
    if (level === 0) return { tree: ids[0] ?? run(['mktree'], '').trim(), replaced };
  }
  throw new Error('unreachable: the root is at depth 0');
}

/** Write each non-empty listing as a tree (one `mktree --batch`); undefined for an empty one. */
function writeTrees(run: GitRun, listings: readonly Map<string, TreeEntry>[]): (string | undefined)[] {
  const full = listings.filter((l) => l.size > 0);
  const input = full.map((l) => [...l].map(([name, e]) => `${e.mode} ${e.type} ${e.oid}\t${name}\0`).join('') + '\0').join('');
  const out = full.length === 0 ? [] : run(['mktree', '-z', '--batch'], input).trim().split('\n');
  let next = 0;
  return listings.map((l) => (l.size > 0 ? out[next++] : undefined));
}
