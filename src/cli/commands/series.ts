/**
 * `syswire series DEFS [--tree DIR] [--out DIR] [--rfc] [--abbrev N] [--check]`:
 * write the definition's wire-up as a `git format-patch` series,
 * OUT/vN-0000-cover-letter.patch and OUT/vN-000M-<slug>.patch.
 *
 *   --rfc        [RFC PATCH vN M/T] (as `rfc: true` in the definition)
 *   --abbrev N   hex digits of `index` blob ids (default: the definition's, 12)
 *   --check      exit 1 when the files in --out are stale, write nothing
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadKernelTree, treeFileReader } from '../../kernel/tree-loader.js';
import type { KernelTree } from '../../kernel/kernel-tree.js';
import type { LoadedDefs } from '../../model/defs-loader.js';
import { DiagnosticError } from '../../model/diagnostics.js';
import { writeFilesAtomic } from '../../io/file-writer.js';
import { planWireUp } from '../../plan/wire-plan.js';
import { formatSeries, type PatchFile } from '../../patch/format-patch.js';
import { planSeries, type UserPatch } from '../../patch/series-builder.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { displayPath, EXIT, resolveTree, type CliContext } from '../context.js';
import { loadDefsArg } from '../defs-arg.js';

/** Options shared by `series` and `renumber`. */
export interface SeriesOptions {
  rfc?: boolean;
  abbrev?: number;
}

/** Plan and format the series of a loaded definition against a tree. */
export function buildSeries(loaded: LoadedDefs, defsFile: string, tree: KernelTree & { root: string }, opts: SeriesOptions = {}): PatchFile[] {
  const readTreeFile = treeFileReader(tree.root);
  const plan = planWireUp(tree, loaded, readTreeFile);
  const series = { ...loaded.defs.series, rfc: opts.rfc || loaded.defs.series.rfc };
  const userPatches: UserPatch[] = series.patches.map((p, i) => {
    const full = resolve(dirname(defsFile), p.file);
    if (!existsSync(full)) throw new DiagnosticError([loaded.error(['series', 'patches', i, 'file'], `no such patch file '${p.file}'`)]);
    return { file: p.file, text: readFileSync(full, 'utf8'), position: p.position };
  });
  const planned = planSeries(series, plan.calls, plan.edits, userPatches);
  if (planned.commits.length === 0) return [];
  return formatSeries({
    commits: planned.commits,
    version: series.version,
    subjectPrefix: planned.subjectPrefix,
    abbrev: opts.abbrev ?? series.abbrev,
    committer: planned.author,
    ...(planned.cover ? { cover: planned.cover } : {}),
    treeRoot: tree.root,
    readBase: readTreeFile,
  });
}

/** `--abbrev N` as a number in git's range. */
export function parseAbbrev(command: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 7 || n > 40) throw new UsageError(`syswire ${command}: --abbrev takes a number from 7 to 40`);
  return n;
}

/** Write (or, with `check`, compare) the patch files; returns the exit code. */
export function emitPatches(ctx: CliContext, outDir: string, files: readonly PatchFile[], check: boolean | undefined, rerun: string): number {
  if (check) {
    const stale = files.filter((f) => !existsSync(join(outDir, f.path)) || readFileSync(join(outDir, f.path), 'utf8') !== f.content);
    for (const f of stale) ctx.stderr(`${displayPath(ctx, join(outDir, f.path))}: error: stale; run '${rerun}'\n`);
    return stale.length > 0 ? EXIT.fail : EXIT.ok;
  }
  const written = new Set(writeFilesAtomic(outDir, files));
  for (const f of files) ctx.stdout(`${written.has(f.path) ? 'wrote' : 'unchanged'} ${displayPath(ctx, join(outDir, f.path))}\n`);
  for (const name of leftovers(outDir, files)) {
    ctx.stderr(`${displayPath(ctx, join(outDir, name))}: warning: not part of this series (an earlier run wrote it?); left in place, remove it before sending\n`);
  }
  return EXIT.ok;
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

export function runSeries(args: string[], ctx: CliContext): number {
  const { values, positionals } = parseCommandArgs(
    'series',
    args,
    { tree: { type: 'string' }, out: { type: 'string' }, rfc: { type: 'boolean' }, abbrev: { type: 'string' }, check: { type: 'boolean' } },
    { min: 1, max: 1, names: 'one definition file: syswire series DEFS' },
  );
  const abbrev = parseAbbrev('series', values.abbrev);
  const defsPath = positionals[0]!;
  const defs = loadDefsArg(ctx, defsPath);
  if (!defs) return EXIT.fail;
  const { loaded, defsFile } = defs;
  const tree = loadKernelTree(resolveTree(ctx, values.tree));
  const files = buildSeries(loaded, defsFile, tree, { ...(values.rfc ? { rfc: true } : {}), ...(abbrev ? { abbrev } : {}) });
  if (files.length === 0) {
    ctx.stdout(`nothing to do: every syscall of ${defsPath} is already wired in ${tree.root}\n`);
    return EXIT.ok;
  }
  return emitPatches(ctx, resolve(ctx.cwd, values.out ?? 'out'), files, values.check, `syswire series ${defsPath}`);
}
