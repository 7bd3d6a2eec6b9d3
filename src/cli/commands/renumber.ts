/**
 * `syswire renumber`: move a series to a new base whose numbers it took.
 *
 *   renumber DEFS --tree NEWBASE [--from OLDBASE | --patches OLD] [--note]
 *     The old numbers are those the series had: the numbers OLDBASE gives
 *     it (--from), the `#define __NR_` lines of the previous output
 *     (--patches), else the explicit `number:` values of DEFS.  The new
 *     ones are NEWBASE's next free numbers, in the order of the old ones
 *     (plan/renumber-core.ts; the merge driver follows the same rule).
 *     Prints old -> new for every syscall and table, then writes the
 *     series again (as `syswire series`); --note adds "Renumber <name>
 *     <old> -> <new> after rebase" to this version's changelog.
 *
 *   renumber --patches DIR --tree NEWBASE
 *     A series syswire did not write: rows, defines and the __NR_syscalls
 *     bump are found in the hunks and rebuilt on NEWBASE (see
 *     plan/renumber-patches.ts).  Anything that cannot be placed is
 *     reported and nothing is written (exit 1).
 *
 * Common: --out DIR (default out), --check, and for DEFS --rfc, --abbrev N.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { KernelTree } from '../../kernel/kernel-tree.js';
import { loadKernelTree, treeFileReader, type LoadedTree } from '../../kernel/tree-loader.js';
import type { LoadedDefs } from '../../model/defs-loader.js';
import { DiagnosticError, formatDiagnostic } from '../../model/diagnostics.js';
import { assignNumbers } from '../../plan/numbering.js';
import { assignNewNumbers, describeMoves, formatMoves, renumberNotes } from '../../plan/renumber-core.js';
import { oldNumbers, renumberPatches, type OldPatch } from '../../plan/renumber-patches.js';
import { isExcluded } from '../../plan/table-edit.js';
import { decodeBytes } from '../../io/byte-text.js';
import { readRegularFile } from '../../io/path-guard.js';
import { isCoverLetter } from '../../patch/format-patch.js';
import { readMail, type Mail } from '../../patch/mail-reader.js';
import { parsePatchFile, type ParsedPatch } from '../../patch/patch-parser.js';
import { repostSeries } from '../../patch/repost-series.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { RENUMBER } from '../command-specs.js';
import { displayPath, EXIT, resolveTree, type CliContext } from '../context.js';
import { loadDefsArg } from '../defs-arg.js';
import { buildSeries, emitPatches, parseAbbrev } from '../series-output.js';

export async function runRenumber(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(RENUMBER, args);
  const outDir = resolve(ctx.cwd, values.out ?? 'out');
  const defsPath = positionals[0];
  if (defsPath === undefined) {
    if (!values.patches) throw new UsageError('syswire renumber: expected DEFS, or --patches DIR');
    if (values.from || values.note || values.rfc || values.abbrev) throw new UsageError('syswire renumber --patches: --from, --note, --rfc and --abbrev need DEFS');
    return renumberMails(ctx, loadKernelTree(resolveTree(ctx, values.tree)), resolve(ctx.cwd, values.patches), outDir, values.check);
  }
  if (values.from && values.patches) throw new UsageError('syswire renumber: give --from OLDBASE or --patches DIR, not both');
  const abbrev = parseAbbrev('renumber', values.abbrev);
  const tree = loadKernelTree(resolveTree(ctx, values.tree));
  const oldBase = values.from ? loadKernelTree(resolve(ctx.cwd, values.from)) : undefined;
  const defs = loadDefsArg(ctx, defsPath);
  if (!defs) return EXIT.fail;
  const { loaded, defsFile } = defs;
  const olds = oldBase ? numbersOn(oldBase, loaded) : previousNumbers(ctx, loaded, tree, values.patches);
  const news = assignNewNumbers(tree, olds);
  const defOf = (name: string) => loaded.defs.syscalls.find((s) => s.name === name)!;
  const moves = describeMoves(tree, olds, news, (name, table) => !isExcluded(defOf(name), table));
  ctx.stdout(formatMoves(moves));
  loaded.defs.syscalls.forEach((s, i) => {
    const nr = news.get(s.name);
    if (s.number !== 'auto' && s.number !== nr) ctx.stderr(`${formatDiagnostic({ ...loaded.error(['syscalls', i, 'number'], `${s.name} is now ${nr}; update the definition`), severity: 'note' })}\n`);
  });
  const series = loaded.defs.series;
  const version = String(series.version);
  const changes = values.note ? { ...series.changes, [version]: [...(series.changes[version] ?? []), ...renumberNotes(moves)] } : series.changes;
  const renumbered: LoadedDefs = {
    ...loaded,
    defs: { ...loaded.defs, series: { ...series, changes }, syscalls: loaded.defs.syscalls.map((s) => ({ ...s, number: news.get(s.name)! })) },
  };
  // The same posting `series` writes (recipients, thread, man pages): a renumbered series is sent as is.
  const posting = { warn: (message: string) => ctx.stderr(`${message}\n`) };
  const files = buildSeries(renumbered, defsFile, tree, { ...(values.rfc ? { rfc: true } : {}), ...(abbrev ? { abbrev } : {}), posting });
  return emitPatches(ctx, outDir, files, values.check, `syswire renumber ${defsPath}`);
}

/** name -> the generic number `tree` gives each syscall of the definition. */
function numbersOn(tree: KernelTree, loaded: LoadedDefs): Map<string, number> {
  return new Map(assignNumbers(tree, loaded).map((c) => [c.def.name, c.nr]));
}

/** The numbers the series had before the rebase, without an old tree (see the header comment). */
function previousNumbers(ctx: CliContext, loaded: LoadedDefs, tree: LoadedTree, patches: string | undefined): Map<string, number> {
  if (patches) {
    const found = oldNumbers(tree, readPatchDiffs(ctx, resolve(ctx.cwd, patches)));
    const names = loaded.defs.syscalls.map((s) => s.name);
    const missing = names.filter((n) => !found.has(n));
    if (missing.length > 0) throw new DiagnosticError([{ file: patches, line: 0, col: 0, severity: 'error', message: `no '#define __NR_' for ${missing.join(', ')} in the patches` }]);
    return new Map(names.map((n) => [n, found.get(n)!]));
  }
  const olds = new Map<string, number>();
  const problems = loaded.defs.syscalls.flatMap((s, i) => {
    if (s.number !== 'auto') olds.set(s.name, s.number);
    return s.number === 'auto' ? [loaded.error(['syscalls', i, 'name'], `${s.name} has no explicit number: pass --from OLDBASE or --patches DIR to tell its old one`)] : [];
  });
  if (problems.length > 0) throw new DiagnosticError(problems);
  return olds;
}

/** The `*.patch` file names of a series directory, sorted, and which one is the cover letter. */
function listPatchDir(dir: string): { names: string[]; coverName: string | undefined } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new DiagnosticError([{ file: dir, line: 0, col: 0, severity: 'error', message: existsSync(dir) ? 'not a directory' : 'no such directory' }]);
  const names = readdirSync(dir).filter((n) => n.endsWith('.patch')).sort();
  const coverName = names.find(isCoverLetter);
  if (names.length === (coverName ? 1 : 0)) throw new DiagnosticError([{ file: dir, line: 0, col: 0, severity: 'error', message: 'no *.patch files' }]);
  return { names: names.filter((n) => n !== coverName), coverName };
}

/** The mails of a series directory, in file-name order, the cover letter apart; each named as the user would type it. */
function readPatchDir(ctx: CliContext, dir: string): { patches: OldPatch[]; mails: Mail[]; cover: Mail | undefined } {
  const { names, coverName } = listPatchDir(dir);
  const mails = names.map((n) => ({ file: displayPath(ctx, join(dir, n)), mail: readMailFile(ctx, dir, n) }));
  return {
    patches: mails.map(({ file, mail }) => ({ file, diff: diffOf(file, mail) })),
    mails: mails.map((m) => m.mail),
    cover: coverName ? readMailFile(ctx, dir, coverName) : undefined,
  };
}

/** Only the diffs of a series directory's patches (no cover letter), for the old numbers. */
function readPatchDiffs(ctx: CliContext, dir: string): OldPatch[] {
  return listPatchDir(dir).names.map((n) => {
    const file = displayPath(ctx, join(dir, n));
    return { file, diff: diffOf(file, readMailFile(ctx, dir, n)) };
  });
}

/** A patch mail's diff; a mail without one (a cover letter in the wrong place, a plain message) is refused. */
function diffOf(file: string, mail: Mail): ParsedPatch {
  const diff = parsePatchFile(file, mail.patch);
  if (diff.files.length === 0) throw new DiagnosticError([{ file, line: 0, col: 0, severity: 'error', message: 'not a patch: the mail has no diff' }]);
  return diff;
}

function renumberMails(ctx: CliContext, tree: LoadedTree, dir: string, outDir: string, check: boolean | undefined): number {
  const { patches, mails, cover } = readPatchDir(ctx, dir);
  const readBase = treeFileReader(tree.root);
  const result = renumberPatches(tree, patches, readBase);
  ctx.stdout(formatMoves(result.moves));
  if (result.problems.length > 0) {
    for (const p of result.problems) ctx.stderr(`${p}\n`);
    ctx.stderr(`nothing written: ${result.problems.length} problem${result.problems.length > 1 ? 's' : ''}\n`);
    return EXIT.fail;
  }
  const files = repostSeries({ mails, cover, edits: result.edits, treeRoot: tree.root, readBase });
  return emitPatches(ctx, outDir, files, check, `syswire renumber --patches ${dir}`);
}

/** A mail of the series directory, as bytes decoded losslessly (mail-reader decodes its charset). */
function readMailFile(ctx: CliContext, dir: string, name: string): Mail {
  const file = displayPath(ctx, join(dir, name));
  return readMail(file, decodeBytes(readRegularFile(join(dir, name), file)));
}
