/**
 * What `series`, `renumber` and `generate` share: building a definition's
 * patch series against a tree, and writing output files or, with --check,
 * comparing them (the one place --check is decided).
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { KernelTree } from '../kernel/kernel-tree.js';
import { isExecutable, treeFileReader } from '../kernel/tree-loader.js';
import type { LoadedDefs } from '../model/defs-loader.js';
import { DiagnosticError } from '../model/diagnostics.js';
import { writeFileSets, type FileSet } from '../io/file-writer.js';
import { PathError, readConfined, readRegularFile } from '../io/path-guard.js';
import { decodeBytes, encodeText } from '../io/byte-text.js';
import { formatSeries, isCoverLetter, type PatchFile } from '../patch/format-patch.js';
import type { SeriesDef } from '../model/defs-schema.js';
import { addRecipientHeaders, pinThreadIds } from '../posting/thread.js';
import { LINUX_API, LINUX_MAN, maintainersOf, maintainersUnavailable, mergeRecipients, unionRecipients } from '../posting/recipients.js';
import { parsePatch, PatchParseError } from '../patch/patch-parser.js';
import { planSeries, type UserPatch } from '../plan/series-builder.js';
import { planWireUp, type WirePlan } from '../plan/wire-plan.js';
import { planSelftest } from '../posting/selftest.js';
import { renderManPages } from '../posting/man-page.js';
import { renderManText } from '../tools/man-renderer.js';
import { UsageError } from './args.js';
import { displayPath, EXIT, type CliContext } from './context.js';

/** Options shared by `series` and `renumber`. */
export interface SeriesOptions {
  rfc?: boolean;
  abbrev?: number;
  /** The mails' date (`--date`); else the definition's, else now. */
  date?: string;
  /** Make the whole posting (recipients, man pages); `warn` prints what the tree cannot give. */
  posting?: { warn: (message: string) => void };
}

/** The wire-up plan against a tree on disk (its files read confined, executable modes kept), and the reader it used. */
export function planOnTree(tree: KernelTree & { root: string }, loaded: LoadedDefs): { plan: WirePlan; readTreeFile: (path: string) => string | undefined } {
  const readTreeFile = treeFileReader(tree.root);
  return { plan: planWireUp(tree, loaded, readTreeFile, (p) => isExecutable(tree.root, p)), readTreeFile };
}

/** Plan and format the series of a loaded definition against a tree. */
export function buildSeries(loaded: LoadedDefs, defsFile: string, tree: KernelTree & { root: string }, opts: SeriesOptions = {}): PatchFile[] {
  const { plan, readTreeFile } = planOnTree(tree, loaded);
  const series = { ...loaded.defs.series, rfc: opts.rfc || loaded.defs.series.rfc, date: opts.date ?? loaded.defs.series.date ?? nowRfc2822() };
  const userPatches: UserPatch[] = series.patches.map((p, i) => {
    try {
      const text = decodeBytes(readRegularFile(resolve(dirname(defsFile), p.file), p.file));
      parsePatch(text); // Its diff paths are checked before git sees them.
      return { file: p.file, text, position: p.position };
    } catch (err) {
      if (err instanceof PathError) throw new DiagnosticError([loaded.error(['series', 'patches', i, 'file'], `patch file '${p.file}': ${err.reason}`)]);
      if (err instanceof PatchParseError) throw new DiagnosticError([loaded.error(['series', 'patches', i, 'file'], `patch file '${p.file}': not a valid patch: ${err.message}`)]);
      throw err;
    }
  });
  const selftest = series.selftest ? planSelftest(loaded.defs, plan.calls, readTreeFile) : [];
  const pages = opts.posting && series.manpage ? renderManPages(loaded.defs, plan.calls, tree.era.version, series.date) : [];
  const manText = pages.map((p) => renderManText(p.text, p.path));
  const planned = planSeries(series, plan.calls, plan.edits, userPatches, { selftest, manText });
  if (planned.commits.length === 0) return [];
  const files = formatSeries({
    commits: planned.commits,
    version: series.version,
    subjectPrefix: planned.subjectPrefix,
    abbrev: opts.abbrev ?? series.abbrev,
    committer: planned.author,
    ...(planned.cover ? { cover: planned.cover } : {}),
    treeRoot: tree.root,
    readBase: readTreeFile,
    thread: opts.posting !== undefined,
  });
  if (!opts.posting) return files;
  const threaded = pinThreadIds(files, { series: series.name, version: series.version, author: series.author, date: series.date, definition: threadDefinition(loaded.defs) });
  const linuxMan = pages.length > 0 && planned.cover !== undefined;
  return [...addRecipients(threaded, tree.root, series, linuxMan, opts.posting.warn), ...pages.map((p) => ({ path: p.path, content: p.text }))];
}

/**
 * What the thread ids hash: the definition without its syscall numbers, so a series renumbered
 * onto a new base (`renumber`) is the same thread as `series` on that base.
 */
function threadDefinition(defs: LoadedDefs['defs']): string {
  return JSON.stringify({ ...defs, syscalls: defs.syscalls.map(({ number: _number, ...rest }) => rest) });
}

/** To/Cc on every mail (posting/recipients.ts); the cover letter gets the union. */
function addRecipients(files: readonly PatchFile[], root: string, series: SeriesDef, linuxMan: boolean, warn: (message: string) => void): PatchFile[] {
  const unavailable = maintainersUnavailable(root);
  if (unavailable) warn(`${root}: warning: ${unavailable}`);
  const extra = { to: series.to, cc: series.cc, alwaysCc: [LINUX_API] };
  const perPatch = new Map(files.filter((f) => !isCoverLetter(f.path)).map((f) => [f.path, mergeRecipients(unavailable ? { to: [], cc: [] } : maintainersOf(root, f.content), extra)]));
  const cover = mergeRecipients(unionRecipients([...perPatch.values()]), { ...extra, alwaysCc: linuxMan ? [LINUX_API, LINUX_MAN] : [LINUX_API] });
  return files.map((f) => ({ path: f.path, content: addRecipientHeaders(f.content, perPatch.get(f.path) ?? cover) }));
}

/** The clock as an RFC 2822 date, for a posting whose date nobody pinned. */
function nowRfc2822(): string {
  return new Date().toUTCString().replace(/GMT$/, '+0000');
}

/** `--abbrev N` as a number in git's range. */
export function parseAbbrev(command: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 7 || n > 40) throw new UsageError(`syswire ${command}: --abbrev takes a number from 7 to 40`);
  return n;
}

/**
 * Write the output files into `outDir` (only those whose content changed)
 * or, with `check`, name each stale one and fail; returns the exit code.
 */
export function emitOutputs(ctx: CliContext, outDir: string, files: readonly PatchFile[], check: boolean | undefined, rerun: string, apply?: FileSet): number {
  if (check) {
    const stale = files.filter((f) => !existsSync(outDir) || !readConfined(outDir, f.path)?.equals(encodeText(f.content)));
    for (const f of stale) ctx.stderr(`${displayPath(ctx, join(outDir, f.path))}: error: stale; run '${rerun}'\n`);
    return stale.length > 0 ? EXIT.fail : EXIT.ok;
  }
  // --out and --apply are one transaction: both happen or neither does.
  const [written, applied] = writeFileSets([{ root: outDir, files }, ...(apply ? [apply] : [])], ctx.stderr);
  const wrote = new Set(written);
  for (const f of files) ctx.stdout(`${wrote.has(f.path) ? 'wrote' : 'unchanged'} ${displayPath(ctx, join(outDir, f.path))}\n`);
  if (apply) ctx.stdout(`applied to ${displayPath(ctx, apply.root)}: ${applied!.length} files\n`);
  return EXIT.ok;
}

/** emitOutputs for a patch series, warning about patch files an earlier run left. */
export function emitPatches(ctx: CliContext, outDir: string, files: readonly PatchFile[], check: boolean | undefined, rerun: string): number {
  const code = emitOutputs(ctx, outDir, files, check, rerun);
  if (check) return code;
  for (const name of leftovers(outDir, files)) {
    ctx.stderr(`${displayPath(ctx, join(outDir, name))}: warning: not part of this series (an earlier run wrote it?); left in place, remove it before sending\n`);
  }
  return code;
}

/**
 * Patch files of this series' version in `outDir` that this run did not
 * write: what an earlier run left when a subject or the number of patches
 * changed.  `git send-email out/*.patch` would send them too, so they are
 * named; nothing is deleted.
 */
function leftovers(outDir: string, files: readonly PatchFile[]): string[] {
  const version = files.map((f) => /^(v\d+-)?\d{4}-/.exec(f.path)).find(Boolean);
  if (!version) return [];
  const sameVersion = new RegExp(`^${version[1] ?? ''}\\d{4}-.*\\.patch$`);
  const ours = new Set(files.map((f) => f.path));
  return readdirSync(outDir).filter((n) => sameVersion.test(n) && !ours.has(n)).sort();
}
