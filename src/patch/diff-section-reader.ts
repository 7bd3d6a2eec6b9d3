/**
 * Split a git diff (unified-diff.ts) into its per-file sections, count
 * each file's added and deleted lines for the diffstat, and give each
 * `index` line the abbreviation the series asks for.
 *
 * A section starts at `diff --git a/P b/P`; its extended header lines
 * (`new file mode`, `index`) and the `---`/`+++` names come before the
 * first `@@`, after which every line starting with `+` or `-` is a line
 * added or deleted (`\ No newline at end of file` is neither).  Paths are
 * the unquoted, space-free kind the in-process writer accepts.
 */

export interface DiffSection {
  path: string;
  /** The file is created (`new file mode`). */
  isNew: boolean;
  added: number;
  deleted: number;
  /** The section's lines, each ending in LF. */
  text: string;
}

export function readDiffSections(diff: string): DiffSection[] {
  const sections: DiffSection[] = [];
  let current: DiffSection | undefined;
  let body: string[] = [];
  let inHunks = false;
  const lines = diff.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const flush = () => {
    if (current) sections.push({ ...current, text: `${body.join('\n')}\n` });
  };
  for (const line of lines) {
    if (line.startsWith('diff --git ')) {
      flush();
      const m = /^diff --git a\/(\S+) b\/(\S+)$/.exec(line);
      if (!m || m[1] !== m[2]) throw new Error(`unexpected diff header: ${line}`);
      current = { path: m[1]!, isNew: false, added: 0, deleted: 0, text: '' };
      body = [line];
      inHunks = false;
      continue;
    }
    if (!current) throw new Error(`diff text before the first 'diff --git' line: ${line}`);
    body.push(line);
    if (inHunks) {
      if (line.startsWith('+')) current.added++;
      else if (line.startsWith('-')) current.deleted++;
    } else if (line.startsWith('@@')) inHunks = true;
    else if (line.startsWith('new file mode ')) current.isNew = true;
  }
  flush();
  return sections;
}

/** The section with its `index <old>..<new>` ids replaced (the mode after them kept). */
export function withIndexIds(section: DiffSection, oldId: string, newId: string): string {
  const at = section.text.search(/^index [0-9a-f]+\.\.[0-9a-f]+/m);
  if (at < 0) throw new Error(`no index line for ${section.path}`);
  const end = section.text.indexOf('\n', at);
  const mode = section.text.slice(at, end).replace(/^index [0-9a-f]+\.\.[0-9a-f]+/, '');
  return `${section.text.slice(0, at)}index ${oldId}..${newId}${mode}${section.text.slice(end)}`;
}
