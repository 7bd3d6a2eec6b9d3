/**
 * Git object ids computed in process (SHA-1, as `git hash-object`,
 * `git write-tree` and `git commit-tree` compute them), plus git's rule
 * for abbreviating an id uniquely.
 *
 * An object is hashed as `<type> <byte length>\0<body>`:
 *
 *   blob    the file's bytes (UTF-8 of the text)
 *   tree    per entry `<mode> <name>\0<20 raw id bytes>`, modes 100644 for
 *           a file and 40000 for a directory, entries ordered by name as
 *           bytes with a directory compared as if its name ended in '/'
 *           (git's base_name_compare)
 *   commit  `tree <id>\n`, `parent <id>\n` (not for a root commit),
 *           `author Name <email> <epoch> <+hhmm>\n`, `committer ...\n`,
 *           an empty line, then the message exactly as given
 */
import { createHash } from 'node:crypto';
import { formatTz, type GitDate } from './git-date-parser.js';

/** The id git prints for a missing side (`index 000000..`). */
export const NULL_OID = '0'.repeat(40);

/** Who and when, as stored in a commit. */
export interface Signature {
  name: string;
  email: string;
  date: GitDate;
}

function hashObject(type: string, body: Buffer): string {
  return createHash('sha1').update(`${type} ${body.length}\0`).update(body).digest('hex');
}

export function hashBlob(text: string): string {
  return hashObject('blob', Buffer.from(text, 'utf8'));
}

interface Dir {
  files: Map<string, string>;
  dirs: Map<string, Dir>;
}

/**
 * Hash the trees holding `files` (path -> blob id, every file 100644);
 * returns the root tree id and adds every tree id (root included) to
 * `written`, as `git write-tree` writes them all.
 */
export function hashTrees(files: ReadonlyMap<string, string>, written?: Set<string>): string {
  const root: Dir = { files: new Map(), dirs: new Map() };
  for (const [path, blob] of files) {
    const parts = path.split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      let next = dir.dirs.get(part);
      if (!next) dir.dirs.set(part, (next = { files: new Map(), dirs: new Map() }));
      dir = next;
    }
    dir.files.set(parts[parts.length - 1]!, blob);
  }
  return hashDir(root, written);
}

function hashDir(dir: Dir, written: Set<string> | undefined): string {
  const entries = [
    ...[...dir.files].map(([name, id]) => ({ name, mode: '100644', id, key: Buffer.from(name) })),
    ...[...dir.dirs].map(([name, sub]) => ({ name, mode: '40000', id: hashDir(sub, written), key: Buffer.from(`${name}/`) })),
  ].sort((a, b) => Buffer.compare(a.key, b.key));
  const body = Buffer.concat(entries.flatMap((e) => [Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.id, 'hex')]));
  const id = hashObject('tree', body);
  written?.add(id);
  return id;
}

/** `Name <email> <epoch> <+hhmm>`, as in a commit's author/committer line. */
export function identLine(sig: Signature): string {
  return `${sig.name} <${sig.email}> ${sig.date.epoch} ${formatTz(sig.date.tz)}`;
}

export function hashCommit(commit: { tree: string; parent?: string; author: Signature; committer: Signature; message: string }): string {
  const parent = commit.parent ? `parent ${commit.parent}\n` : '';
  const text = `tree ${commit.tree}\n${parent}author ${identLine(commit.author)}\ncommitter ${identLine(commit.committer)}\n\n${commit.message}`;
  return hashObject('commit', Buffer.from(text, 'utf8'));
}

/**
 * `id` cut to `len` hex digits, made longer while another object in the
 * repository shares the prefix (find_unique_abbrev: one more digit than
 * the longest common prefix with any other object, prefixes of 32 digits
 * or more aside).  40 digits or more is the full id.
 */
export function abbreviateId(id: string, len: number, objects: Iterable<string>): string {
  if (len >= 40) return id;
  let want = len;
  for (const other of objects) {
    if (other === id || !other.startsWith(id.slice(0, len))) continue;
    let i = len;
    while (i < 40 && other[i] === id[i]) i++;
    if (i < 32 && i >= want) want = i + 1;
  }
  return id.slice(0, want);
}
